package org.parley.app.desktop.viewmodel;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.contacts.Contact;
import org.parley.core.contacts.ContactStore;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The address book: search, favourites first, and one form to add or edit a contact with its
 * checks. Store access runs off the UI thread; results come back on it.
 */
public final class ContactsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(ContactsViewModel.class);
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]*");

  private final ContactStore store;
  private final CallsViewModel calls;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;

  private final StringProperty search = new SimpleStringProperty("");
  private final ObservableList<Contact> contacts = FXCollections.observableArrayList();
  private final StringProperty formName = new SimpleStringProperty("");
  private final StringProperty formSipUri = new SimpleStringProperty("");
  private final StringProperty formPhone = new SimpleStringProperty("");
  private final BooleanProperty formFavourite = new SimpleBooleanProperty();
  private final ReadOnlyStringWrapper formError = new ReadOnlyStringWrapper("");
  private long editingId;

  public ContactsViewModel(
      ContactStore store, CallsViewModel calls, Executor background, Executor ui, Texts texts) {
    this.store = store;
    this.calls = calls;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    search.addListener((property, was, now) -> reload());
  }

  /** Reads the contacts matching the search text. */
  public void reload() {
    String text = search.get().strip();
    background.execute(
        () -> {
          try {
            List<Contact> found = store.search(text);
            ui.execute(
                () -> {
                  // A slower, older search must not overwrite a newer one.
                  if (text.equals(search.get().strip())) {
                    contacts.setAll(found);
                  }
                });
          } catch (StoreException e) {
            LOG.warn("Contacts could not be searched", e);
          }
        });
  }

  /** Clears the form for a new contact. */
  public void startAdd() {
    editingId = 0;
    fill(Contact.of("", ""));
  }

  /** Fills the form with the contact to edit. */
  public void startEdit(Contact contact) {
    editingId = contact.id();
    fill(contact);
  }

  private void fill(Contact contact) {
    formName.set(contact.displayName());
    formSipUri.set(contact.sipUri());
    formPhone.set(contact.phoneNumber());
    formFavourite.set(contact.favourite());
    formError.set("");
  }

  /**
   * Checks the form and stores it (adding or replacing).
   *
   * @return whether the form was valid (the store write runs in the background)
   */
  public boolean save() {
    String name = formName.get().strip();
    String sipUri = formSipUri.get().strip();
    String phoneNumber = formPhone.get().strip();
    String error = check(name, sipUri, phoneNumber);
    formError.set(error);
    if (!error.isEmpty()) {
      return false;
    }
    String uri =
        sipUri.isEmpty() || sipUri.toLowerCase(java.util.Locale.ROOT).startsWith("sip")
            ? sipUri
            : "sip:" + sipUri;
    Contact contact = new Contact(editingId, name, uri, phoneNumber, formFavourite.get());
    boolean adding = editingId == 0;
    write(
        () -> {
          if (adding) {
            store.add(contact);
          } else {
            store.update(contact);
          }
        });
    return true;
  }

  private String check(String name, String sipUri, String phoneNumber) {
    if (name.isEmpty()) {
      return texts.text("contacts.error.name");
    }
    if (sipUri.isEmpty() && phoneNumber.isEmpty()) {
      return texts.text("contacts.error.address");
    }
    if (!sipUri.isEmpty()
        && (!sipUri.contains("@")
            || DialTarget.parse(sipUri).filter(t -> t.contains("@")).isEmpty())) {
      return texts.text("contacts.error.sipUri", sipUri);
    }
    if (!phoneNumber.isEmpty() && !PHONE.matcher(phoneNumber).matches()) {
      return texts.text("contacts.error.phone", phoneNumber);
    }
    return "";
  }

  public void toggleFavourite(Contact contact) {
    write(() -> store.update(contact.withFavourite(!contact.favourite())));
  }

  public void delete(Contact contact) {
    write(() -> store.delete(contact.id()));
  }

  /** Calls the contact at its SIP URI, else its number. */
  public void call(Contact contact) {
    calls.call(contact.sipUri().isEmpty() ? contact.phoneNumber() : contact.sipUri());
  }

  private void write(Runnable change) {
    background.execute(
        () -> {
          try {
            change.run();
          } catch (StoreException e) {
            LOG.warn("A contact could not be saved", e);
            ui.execute(() -> formError.set(texts.text("contacts.error.store")));
            return;
          }
          ui.execute(this::reload);
        });
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObservableList<Contact> contacts() {
    return contacts;
  }

  public StringProperty formNameProperty() {
    return formName;
  }

  public StringProperty formSipUriProperty() {
    return formSipUri;
  }

  public StringProperty formPhoneProperty() {
    return formPhone;
  }

  public BooleanProperty formFavouriteProperty() {
    return formFavourite;
  }

  public ReadOnlyStringProperty formErrorProperty() {
    return formError.getReadOnlyProperty();
  }
}

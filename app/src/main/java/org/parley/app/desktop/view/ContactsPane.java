package org.parley.app.desktop.view;

import java.util.List;
import java.util.Optional;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.parley.app.desktop.viewmodel.ContactsViewModel;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.contacts.Contact;
import org.parley.core.presence.PresenceStatus;

/**
 * The address book: search, list (favourites first, each with its presence), and a form to add or
 * edit a contact.
 */
final class ContactsPane extends VBox {

  private final ContactsViewModel contacts;
  private final Texts texts;
  private final ListView<Contact> list;
  private final VBox form;

  ContactsPane(ContactsViewModel contacts, PresenceViewModel presence, Texts texts) {
    this.contacts = contacts;
    this.texts = texts;
    setSpacing(8);
    setPadding(new Insets(8));

    TextField search = new TextField();
    search.setId("contacts-search");
    search.setPromptText(texts.text("ui.contacts.search"));
    search.setAccessibleText(texts.text("ui.contacts.search"));
    search.textProperty().bindBidirectional(contacts.searchProperty());

    list = new ListView<>(contacts.contacts());
    list.setId("contacts-list");
    list.setAccessibleText(texts.text("ui.contacts.list"));
    list.setPlaceholder(new Label(texts.text("ui.contacts.empty")));
    list.setCellFactory(view -> new ContactCell(presence));
    presence
        .buddies()
        .addListener((MapChangeListener<String, PresenceStatus>) change -> list.refresh());
    VBox.setVgrow(list, Priority.ALWAYS);
    list.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            withSelected(contacts::call);
          }
        });

    form = form();
    form.managedProperty().bind(form.visibleProperty());
    form.setVisible(false);
    getChildren().addAll(search, list, actions(), form);
  }

  private HBox actions() {
    Button call =
        Views.button(
            "contact-call", texts.text("ui.contacts.call"), () -> withSelected(contacts::call));
    Button add =
        Views.button(
            "contact-add",
            texts.text("ui.contacts.add"),
            () -> {
              contacts.startAdd();
              openForm();
            });
    Button edit =
        Views.button(
            "contact-edit",
            texts.text("ui.contacts.edit"),
            () ->
                withSelected(
                    c -> {
                      contacts.startEdit(c);
                      openForm();
                    }));
    Button favourite =
        Views.button(
            "contact-favourite",
            texts.text("ui.contacts.favourite"),
            () -> withSelected(contacts::toggleFavourite));
    Button delete =
        Views.button(
            "contact-delete",
            texts.text("ui.contacts.delete"),
            () -> withSelected(contacts::delete));
    for (Button needsSelection : new Button[] {call, edit, favourite, delete}) {
      needsSelection
          .disableProperty()
          .bind(list.getSelectionModel().selectedItemProperty().isNull());
    }
    HBox row = new HBox(4, call, add, edit, favourite, delete);
    row.setFillHeight(true);
    return row;
  }

  private VBox form() {
    TextField name =
        Views.textField("contact-name", contacts.formNameProperty(), plain("ui.contacts.name"));
    TextField sipUri =
        Views.textField(
            "contact-sip-uri", contacts.formSipUriProperty(), plain("ui.contacts.sipUri"));
    TextField phone =
        Views.textField("contact-phone", contacts.formPhoneProperty(), plain("ui.contacts.phone"));
    CheckBox favourite = new CheckBox(texts.text("ui.contacts.favourite"));
    favourite.setId("contact-form-favourite");
    favourite.setAccessibleText(plain("ui.contacts.favourite"));
    favourite.selectedProperty().bindBidirectional(contacts.formFavouriteProperty());
    GridPane grid =
        Views.form(
            texts,
            List.of("ui.contacts.name", "ui.contacts.sipUri", "ui.contacts.phone"),
            List.of(name, sipUri, phone));
    grid.add(favourite, 1, 3);
    Label error = Views.boundLabel("contact-error", contacts.formErrorProperty());
    error.getStyleClass().add("danger");
    Button save =
        Views.button(
            "contact-save",
            texts.text("ui.contacts.save"),
            () -> {
              if (contacts.save()) {
                closeForm();
              }
            });
    save.setDefaultButton(true);
    Button cancel =
        Views.button("contact-cancel", texts.text("ui.contacts.cancel"), this::closeForm);
    cancel.setCancelButton(true);
    return new VBox(6, grid, error, new HBox(8, save, cancel));
  }

  private String plain(String key) {
    return texts.text(key).replace("_", "");
  }

  private void openForm() {
    form.setVisible(true);
    form.lookup("#contact-name").requestFocus();
  }

  private void closeForm() {
    form.setVisible(false);
    list.requestFocus();
  }

  private void withSelected(java.util.function.Consumer<Contact> action) {
    Contact selected = list.getSelectionModel().getSelectedItem();
    if (selected != null) {
      action.accept(selected);
    }
  }

  /**
   * A contact: a presence dot (colour for the eye, words for screen readers), a star for
   * favourites, the name, and where it is called.
   */
  private static final class ContactCell extends ListCell<Contact> {
    private final PresenceViewModel presence;

    ContactCell(PresenceViewModel presence) {
      this.presence = presence;
    }

    @Override
    protected void updateItem(Contact contact, boolean empty) {
      super.updateItem(contact, empty);
      if (empty || contact == null) {
        setText(null);
        setGraphic(null);
        setAccessibleText(null);
        return;
      }
      String where = contact.sipUri().isEmpty() ? contact.phoneNumber() : contact.sipUri();
      setText((contact.favourite() ? "\u2605 " : "") + contact.displayName() + " \u2014 " + where);
      Optional<PresenceStatus> status = presence.statusOf(contact);
      String statusText = presence.text(status);
      Circle dot = new Circle(5, colour(status));
      dot.setAccessibleText(statusText);
      Tooltip.install(dot, new Tooltip(statusText));
      setGraphic(contact.sipUri().isEmpty() ? null : dot);
      setAccessibleText(contact.sipUri().isEmpty() ? getText() : getText() + ", " + statusText);
    }

    private static Color colour(Optional<PresenceStatus> status) {
      return switch (status.orElse(PresenceStatus.OFFLINE)) {
        case AVAILABLE -> Color.web("#2da44e");
        case AWAY -> Color.web("#d4a72c");
        case BUSY, ON_THE_PHONE -> Color.web("#cf222e");
        case OFFLINE -> Color.web("#8c959f");
      };
    }
  }
}

package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.contacts.Contact;
import org.parley.core.store.sqlite.ProfileDatabase;

class ContactsViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  @TempDir Path profile;

  private ProfileDatabase database;
  private ContactsViewModel contacts;
  private final List<String> dialled = new ArrayList<>();

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    Texts english = Texts.forLocale(Locale.ENGLISH);
    CallsViewModel calls =
        new CallsViewModel(
            target -> {
              dialled.add(target);
              return new FakeCall(target, false);
            },
            DIRECT,
            DIRECT,
            english);
    contacts = new ContactsViewModel(database.contacts(), calls, DIRECT, DIRECT, english);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void addedContactIsStoredAndListed() {
    contacts.startAdd();
    contacts.formNameProperty().set("Bob Jones");
    contacts.formSipUriProperty().set("bob@office.example");

    assertThat(contacts.save()).isTrue();

    assertThat(database.contacts().all())
        .containsExactly(new Contact(1, "Bob Jones", "sip:bob@office.example", "", false));
    assertThat(contacts.contacts()).extracting(Contact::displayName).containsExactly("Bob Jones");
  }

  @Test
  void invalidFormsAreExplainedAndNotStored() {
    contacts.startAdd();
    assertThat(contacts.save()).isFalse();
    assertThat(contacts.formErrorProperty().get()).isEqualTo("Give the contact a name.");

    contacts.formNameProperty().set("Bob");
    assertThat(contacts.save()).isFalse();
    assertThat(contacts.formErrorProperty().get())
        .isEqualTo("Give a SIP address or a phone number.");

    contacts.formSipUriProperty().set("sip:bob");
    assertThat(contacts.save()).isFalse();
    assertThat(contacts.formErrorProperty().get())
        .isEqualTo("“sip:bob” is not a SIP address such as sip:bob@example.com.");

    contacts.formSipUriProperty().set("");
    contacts.formPhoneProperty().set("call me");
    assertThat(contacts.save()).isFalse();
    assertThat(contacts.formErrorProperty().get()).isEqualTo("“call me” is not a phone number.");

    assertThat(database.contacts().all()).isEmpty();
  }

  @Test
  void editingReplacesTheContact() {
    Contact bob = database.contacts().add(Contact.of("Bob", "sip:bob@x.example"));
    contacts.startEdit(bob);
    contacts.formPhoneProperty().set("+49 30 1234");

    assertThat(contacts.save()).isTrue();

    assertThat(database.contacts().all())
        .containsExactly(new Contact(bob.id(), "Bob", "sip:bob@x.example", "+49 30 1234", false));
  }

  @Test
  void searchFiltersAndFavouritesComeFirst() {
    database.contacts().add(Contact.of("Alice", "sip:alice@x.example"));
    Contact zoe = database.contacts().add(Contact.of("Zoe", "sip:zoe@x.example"));
    database.contacts().add(Contact.of("Bob", "sip:bob@y.example"));

    contacts.toggleFavourite(zoe);
    assertThat(contacts.contacts())
        .extracting(Contact::displayName)
        .containsExactly("Zoe", "Alice", "Bob");

    contacts.searchProperty().set("x.example");
    assertThat(contacts.contacts())
        .extracting(Contact::displayName)
        .containsExactly("Zoe", "Alice");
  }

  @Test
  void callingAContactUsesItsSipUri() {
    contacts.call(new Contact(1, "Bob", "sip:bob@x.example", "123", false));

    assertThat(dialled).containsExactly("sip:bob@x.example");
  }

  @Test
  void callingAContactWithoutSipUriDialsItsNumber() {
    contacts.call(new Contact(2, "Carol", "", "+49 30 1234", false));

    assertThat(dialled).containsExactly("+49301234");
  }
}

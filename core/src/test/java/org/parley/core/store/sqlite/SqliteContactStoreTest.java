package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.contacts.Contact;
import org.parley.core.contacts.ContactStore;
import org.parley.core.store.StoreException;

class SqliteContactStoreTest extends ProfileDatabaseFixture {

  private ContactStore contacts;

  @BeforeEach
  void stores() {
    contacts = database.contacts();
  }

  private ContactStore reopened() {
    return reopen().contacts();
  }

  @Test
  void everyFieldSurvivesClosingAndReopening() {
    Contact bob =
        contacts.add(
            new Contact(0, "Bob Jones", "sip:bob@office.example", "+44 20 7946 0000", true));
    Contact carol = contacts.add(new Contact(0, "Carol", "", "", false));

    assertThat(bob.id()).isPositive();
    assertThat(reopened().all()).containsExactly(bob, carol);
  }

  @Test
  void searchMatchesNameOrUriIgnoringCase() {
    Contact bob = contacts.add(Contact.of("Bob Jones", "sip:bob@office.example"));
    Contact zoe = contacts.add(Contact.of("ZOË Ångström", "sip:zoe@lab.example"));
    contacts.add(Contact.of("Carol", "sip:carol@home.example"));

    assertThat(contacts.search("JONES")).containsExactly(bob);
    assertThat(contacts.search("Office.EXAMPLE")).containsExactly(bob);
    assertThat(contacts.search("zoë åNG")).containsExactly(zoe);
    assertThat(contacts.search("  bob ")).containsExactly(bob);
    assertThat(contacts.search("nobody")).isEmpty();
  }

  @Test
  void searchTreatsWildcardsLiterally() {
    Contact percent = contacts.add(Contact.of("100% Support", "sip:support@office.example"));
    contacts.add(Contact.of("Bob", "sip:bob_jones@office.example"));

    assertThat(contacts.search("%")).containsExactly(percent);
    assertThat(contacts.search("b_b")).isEmpty();
  }

  @Test
  void favouritesComeFirstThenByName() {
    Contact dave = contacts.add(Contact.of("dave", "sip:dave@office.example"));
    Contact bob = contacts.add(Contact.of("Bob", "sip:bob@office.example"));
    Contact zed = contacts.add(Contact.of("Zed", "sip:zed@office.example").withFavourite(true));
    Contact anna = contacts.add(Contact.of("Anna", "sip:anna@office.example").withFavourite(true));

    assertThat(contacts.all()).containsExactly(anna, zed, bob, dave);
    assertThat(contacts.search("office")).containsExactly(anna, zed, bob, dave);
  }

  @Test
  void updateReplacesTheContactAndItsSearchText() {
    Contact bob = contacts.add(Contact.of("Bob", "sip:bob@office.example"));
    Contact renamed = new Contact(bob.id(), "Robert", "sip:robert@office.example", "123", true);

    contacts.update(renamed);

    ContactStore read = reopened();
    assertThat(read.all()).containsExactly(renamed);
    assertThat(read.search("bob")).isEmpty();
    assertThat(read.search("ROBERT")).containsExactly(renamed);
  }

  @Test
  void deleteForgetsTheContactAndUpdatingItThenFails() {
    Contact bob = contacts.add(Contact.of("Bob", "sip:bob@office.example"));

    assertThat(contacts.delete(bob.id())).isTrue();
    assertThat(contacts.delete(bob.id())).isFalse();

    assertThat(contacts.all()).isEmpty();
    assertThatThrownBy(() -> contacts.update(bob))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("no contact " + bob.id());
  }
}

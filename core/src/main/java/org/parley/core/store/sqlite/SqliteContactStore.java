package org.parley.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.parley.core.contacts.Contact;
import org.parley.core.contacts.ContactStore;

/** The address book in the profile database's {@code contacts} table. */
final class SqliteContactStore implements ContactStore {

  // instr() rather than LIKE: the search text's '%' and '_' stay literal.
  private static final String SEARCH =
      "SELECT id, display_name, sip_uri, phone_number, favourite FROM contacts"
          + " WHERE instr(name_folded, ?1) > 0 OR instr(uri_folded, ?1) > 0"
          + " ORDER BY favourite DESC, name_folded, id";

  private final ProfileDatabase database;

  SqliteContactStore(ProfileDatabase database) {
    this.database = database;
  }

  /**
   * Lower case for searching. Locale.ROOT so a Turkish system locale does not turn 'I' into a
   * dotless 'ı' and miss matches.
   */
  static String fold(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  @Override
  public Contact add(Contact contact) {
    return database.execute(
        "add contact " + contact.displayName(),
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO contacts (display_name, sip_uri, phone_number, favourite,"
                      + " name_folded, uri_folded) VALUES (?, ?, ?, ?, ?, ?)")) {
            bind(insert, contact);
            insert.executeUpdate();
          }
          return contact.withId(ProfileDatabase.lastInsertedId(connection));
        });
  }

  @Override
  public void update(Contact contact) {
    int updated =
        database.execute(
            "update contact " + contact.displayName(),
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE contacts SET display_name = ?, sip_uri = ?, phone_number = ?,"
                          + " favourite = ?, name_folded = ?, uri_folded = ? WHERE id = ?")) {
                bind(update, contact);
                update.setLong(7, contact.id());
                return update.executeUpdate();
              }
            });
    ProfileDatabase.checkUpdated(updated, "contact", contact.displayName(), contact.id());
  }

  private static void bind(PreparedStatement statement, Contact contact) throws SQLException {
    statement.setString(1, contact.displayName());
    statement.setString(2, contact.sipUri());
    statement.setString(3, contact.phoneNumber());
    statement.setBoolean(4, contact.favourite());
    statement.setString(5, fold(contact.displayName()));
    statement.setString(6, fold(contact.sipUri()));
  }

  @Override
  public boolean delete(long id) {
    return database.deleteById("contacts", "contact", id);
  }

  @Override
  public List<Contact> search(String text) {
    Objects.requireNonNull(text, "text");
    return database.execute(
        "search the contacts",
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(SEARCH)) {
            select.setString(1, fold(text.strip()));
            try (ResultSet rows = select.executeQuery()) {
              List<Contact> contacts = new ArrayList<>();
              while (rows.next()) {
                contacts.add(
                    new Contact(
                        rows.getLong("id"),
                        rows.getString("display_name"),
                        rows.getString("sip_uri"),
                        rows.getString("phone_number"),
                        rows.getBoolean("favourite")));
              }
              return contacts;
            }
          }
        });
  }
}

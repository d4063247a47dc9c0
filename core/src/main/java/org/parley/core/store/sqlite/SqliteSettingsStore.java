package org.parley.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import org.parley.core.settings.SettingsStore;

/** The user's preferences in the profile database's {@code settings} table. */
final class SqliteSettingsStore implements SettingsStore {

  private final ProfileDatabase database;

  SqliteSettingsStore(ProfileDatabase database) {
    this.database = database;
  }

  @Override
  public Optional<String> get(String key) {
    Objects.requireNonNull(key, "key");
    return database.execute(
        "read setting " + key,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void put(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    database.execute(
        "write setting " + key,
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO settings (key, value) VALUES (?, ?)"
                      + " ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            upsert.setString(1, key);
            upsert.setString(2, value);
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public void remove(String key) {
    Objects.requireNonNull(key, "key");
    database.execute(
        "remove setting " + key,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM settings WHERE key = ?")) {
            delete.setString(1, key);
            return delete.executeUpdate();
          }
        });
  }
}

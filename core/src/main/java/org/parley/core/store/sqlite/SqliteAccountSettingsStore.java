package org.parley.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.AccountSettingsStore;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;

/** The accounts in the profile database's {@code accounts} table. */
final class SqliteAccountSettingsStore implements AccountSettingsStore {

  private static final String COLUMNS =
      "display_name, address_of_record, auth_user, outbound_proxy, transport, expires_seconds,"
          + " enabled";

  private final ProfileDatabase database;

  SqliteAccountSettingsStore(ProfileDatabase database) {
    this.database = database;
  }

  @Override
  public List<AccountSettings> list() {
    return database.execute(
        "read the accounts",
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT id, " + COLUMNS + " FROM accounts ORDER BY id");
              ResultSet rows = select.executeQuery()) {
            List<AccountSettings> accounts = new ArrayList<>();
            while (rows.next()) {
              accounts.add(read(rows));
            }
            return accounts;
          }
        });
  }

  @Override
  public Optional<AccountSettings> find(long id) {
    return database.execute(
        "read account " + id,
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, " + COLUMNS + " FROM accounts WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public AccountSettings save(AccountSettings account) {
    if (account.id() == 0) {
      return database.execute(
          "add account " + account.addressOfRecord(),
          connection -> {
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO accounts (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
              bind(insert, account);
              insert.executeUpdate();
            }
            return account.withId(ProfileDatabase.lastInsertedId(connection));
          });
    }
    int updated =
        database.execute(
            "update account " + account.addressOfRecord(),
            connection -> {
              try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE accounts SET display_name = ?, address_of_record = ?,"
                          + " auth_user = ?, outbound_proxy = ?, transport = ?,"
                          + " expires_seconds = ?, enabled = ? WHERE id = ?")) {
                bind(update, account);
                update.setLong(8, account.id());
                return update.executeUpdate();
              }
            });
    ProfileDatabase.checkUpdated(updated, "account", account.addressOfRecord(), account.id());
    return account;
  }

  private static void bind(PreparedStatement statement, AccountSettings account)
      throws SQLException {
    statement.setString(1, account.displayName());
    statement.setString(2, account.addressOfRecord());
    statement.setString(3, account.authUser());
    if (account.outboundProxy().isPresent()) {
      statement.setString(4, account.outboundProxy().get().toString());
    } else {
      statement.setNull(4, Types.VARCHAR);
    }
    statement.setString(5, account.transport().name());
    statement.setInt(6, account.expiresSeconds());
    statement.setBoolean(7, account.enabled());
  }

  private static AccountSettings read(ResultSet row) throws SQLException {
    Transport transport = Columns.enumValue(row, "transport", Transport.class);
    try {
      return new AccountSettings(
          row.getLong("id"),
          row.getString("display_name"),
          row.getString("address_of_record"),
          row.getString("auth_user"),
          Columns.optionalString(row, "outbound_proxy")
              .map(proxy -> ServerAddress.parse(proxy, transport.defaultPort())),
          transport,
          row.getInt("expires_seconds"),
          row.getBoolean("enabled"));
    } catch (IllegalArgumentException e) {
      throw new SQLException("account " + row.getLong("id") + " is damaged: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean delete(long id) {
    return database.deleteById("accounts", "account", id);
  }
}

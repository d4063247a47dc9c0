package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredSubscription;
import org.parley.server.store.SubscriptionStore;
import org.parley.server.store.WatcherRule;
import org.parley.server.store.WatcherRuleStore;

/**
 * Watcher rules and the presence agent's subscriptions on their own connection. Both are small (one
 * row per rule a user set, one per watcher's subscription) and read without a cache, so a rule set
 * by the {@code parley server watcher} command applies to the next SUBSCRIBE or NOTIFY.
 */
final class SqlitePresenceStore implements WatcherRuleStore, SubscriptionStore, AutoCloseable {

  private final GuardedConnection connection;
  private final String database;

  /** Takes ownership of a connection to a migrated database named {@code database}. */
  SqlitePresenceStore(Connection connection, String database) {
    this.connection = new GuardedConnection(connection, "the presence store of " + database);
    this.database = database;
  }

  @Override
  public Optional<WatcherRule> find(String presentity, String watcher) throws StoreException {
    return locked(
        "read the watcher rules",
        c -> {
          try (PreparedStatement query =
              c.prepareStatement(
                  "SELECT rule FROM watcher_rules WHERE presentity = ? AND watcher = ?")) {
            query.setString(1, presentity);
            query.setString(2, watcher);
            try (ResultSet row = query.executeQuery()) {
              return row.next() ? Optional.of(rule(row.getString(1))) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void set(String presentity, String watcher, WatcherRule rule) throws StoreException {
    locked(
        "set a watcher rule",
        c -> {
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT INTO watcher_rules (presentity, watcher, rule) VALUES (?, ?, ?)"
                      + " ON CONFLICT (presentity, watcher) DO UPDATE SET rule = excluded.rule")) {
            upsert.setString(1, presentity);
            upsert.setString(2, watcher);
            upsert.setString(3, rule.name().toLowerCase(Locale.ROOT));
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public boolean remove(String presentity, String watcher) throws StoreException {
    return locked(
        "remove a watcher rule",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM watcher_rules WHERE presentity = ? AND watcher = ?")) {
            delete.setString(1, presentity);
            delete.setString(2, watcher);
            return delete.executeUpdate() > 0;
          }
        });
  }

  @Override
  public Map<String, WatcherRule> list(String presentity) throws StoreException {
    return locked(
        "list the watcher rules",
        c -> {
          Map<String, WatcherRule> rules = new TreeMap<>();
          try (PreparedStatement query =
              c.prepareStatement("SELECT watcher, rule FROM watcher_rules WHERE presentity = ?")) {
            query.setString(1, presentity);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                rules.put(rows.getString(1), rule(rows.getString(2)));
              }
            }
          }
          return rules;
        });
  }

  @Override
  public void save(StoredSubscription s) throws StoreException {
    locked(
        "store a presence subscription",
        c -> {
          try (PreparedStatement upsert =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO presence_subscriptions (id, presentity, watcher,"
                      + " request, local_tag, hop_host, hop_port, hop_transport, expires_at,"
                      + " next_cseq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, s.id());
            upsert.setString(2, s.presentity());
            upsert.setString(3, s.watcher());
            upsert.setString(4, s.request());
            upsert.setString(5, s.localTag());
            upsert.setString(6, s.hopHost());
            upsert.setInt(7, s.hopPort());
            upsert.setString(8, s.hopTransport());
            upsert.setLong(9, s.expiresAt().toEpochMilli());
            upsert.setLong(10, s.nextCseq());
            return upsert.executeUpdate();
          }
        });
  }

  @Override
  public void update(String id, Instant expiresAt, long nextCseq) throws StoreException {
    locked(
        "update a presence subscription",
        c -> {
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE presence_subscriptions SET expires_at = ?, next_cseq = ? WHERE id = ?")) {
            update.setLong(1, expiresAt.toEpochMilli());
            update.setLong(2, nextCseq);
            update.setString(3, id);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public void remove(String id) throws StoreException {
    locked(
        "remove a presence subscription",
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM presence_subscriptions WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public List<StoredSubscription> all() throws StoreException {
    return locked(
        "read the presence subscriptions",
        c -> {
          List<StoredSubscription> all = new ArrayList<>();
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT id, presentity, watcher, request, local_tag, hop_host, hop_port,"
                          + " hop_transport, expires_at, next_cseq FROM presence_subscriptions");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              all.add(
                  new StoredSubscription(
                      rows.getString(1),
                      rows.getString(2),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      rows.getString(6),
                      rows.getInt(7),
                      rows.getString(8),
                      Instant.ofEpochMilli(rows.getLong(9)),
                      rows.getLong(10)));
            }
          }
          return all;
        });
  }

  /** Closes the connection; later calls fail with StoreException. */
  @Override
  public void close() {
    connection.close();
  }

  private <T> T locked(String what, GuardedConnection.Work<T> work) throws StoreException {
    return connection.run("could not " + what + " in " + database, work);
  }

  private static WatcherRule rule(String text) {
    return WatcherRule.valueOf(text.toUpperCase(Locale.ROOT));
  }
}

package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.store.PublicationStore;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredPublication;

/**
 * The presence agent's publications on their own connection: written before the 200 to each PUBLISH
 * (synchronous=FULL makes the commit durable), read once at start.
 */
final class SqlitePublicationStore implements PublicationStore, AutoCloseable {

  private final GuardedConnection connection;
  private final String database;

  /** Takes ownership of a connection to a migrated database named {@code database}. */
  SqlitePublicationStore(Connection connection, String database) {
    this.connection = new GuardedConnection(connection, "the publication store of " + database);
    this.database = database;
  }

  @Override
  public void put(StoredPublication p, String replaced) throws StoreException {
    connection.inTransaction(
        "could not store a presence publication in " + database,
        c -> {
          if (replaced != null) {
            delete(c, replaced);
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO presence_publications (entity_tag, presentity,"
                      + " content_type, body, expires_at, modified_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, p.entityTag());
            insert.setString(2, p.presentity());
            insert.setString(3, p.contentType());
            insert.setBytes(4, p.body());
            insert.setLong(5, p.expiresAt().toEpochMilli());
            insert.setLong(6, p.modifiedAt().toEpochMilli());
            return insert.executeUpdate();
          }
        });
  }

  @Override
  public void remove(String entityTag) throws StoreException {
    connection.run(
        "could not remove a presence publication from " + database, c -> delete(c, entityTag));
  }

  @Override
  public List<StoredPublication> unexpired(Instant now) throws StoreException {
    return connection.inTransaction(
        "could not read the presence publications in " + database,
        c -> {
          try (PreparedStatement lapsed =
              c.prepareStatement("DELETE FROM presence_publications WHERE expires_at <= ?")) {
            lapsed.setLong(1, now.toEpochMilli());
            lapsed.executeUpdate();
          }
          List<StoredPublication> running = new ArrayList<>();
          try (PreparedStatement query =
                  c.prepareStatement(
                      "SELECT entity_tag, presentity, content_type, body, expires_at, modified_at"
                          + " FROM presence_publications ORDER BY modified_at");
              ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
              running.add(
                  new StoredPublication(
                      rows.getString(1),
                      rows.getString(2),
                      rows.getString(3),
                      rows.getBytes(4),
                      Instant.ofEpochMilli(rows.getLong(5)),
                      Instant.ofEpochMilli(rows.getLong(6))));
            }
          }
          return running;
        });
  }

  /** Closes the connection; later calls fail with StoreException. */
  @Override
  public void close() {
    connection.close();
  }

  private static int delete(Connection c, String entityTag) throws SQLException {
    try (PreparedStatement delete =
        c.prepareStatement("DELETE FROM presence_publications WHERE entity_tag = ?")) {
      delete.setString(1, entityTag);
      return delete.executeUpdate();
    }
  }
}

package org.parley.server.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens connections to the server's database file with the settings every connection needs. */
final class SqliteConnections {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteConnections.class);

  /**
   * How long a statement waits for another connection's write lock, such as the {@code parley
   * server user} command writing while the server runs.
   */
  static final int BUSY_TIMEOUT_MILLIS = 5000;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  /** About 3 s in all, with the pauses growing 10 ms per attempt. */
  private static final int WAL_SWITCH_ATTEMPTS = 25;

  private SqliteConnections() {}

  /**
   * Opens {@code file} in WAL mode with {@code synchronous=FULL} (a commit is fsynced before it
   * returns), a busy timeout and foreign keys on.
   */
  static Connection open(Path file) throws StoreException {
    Connection connection;
    try {
      connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    } catch (SQLException e) {
      throw SqliteFailures.wrap("could not open database " + file, e);
    }
    try (Statement statement = connection.createStatement()) {
      // The busy timeout first: switching to WAL takes a lock another process may hold.
      statement.executeUpdate("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      String journalMode = switchToWal(statement);
      if (!"wal".equalsIgnoreCase(journalMode)) {
        throw new StoreException(
            "could not switch database "
                + file
                + " to WAL journal mode (it stays in '"
                + journalMode
                + "' mode); keep the data folder on a local disk, not a network share");
      }
      statement.executeUpdate("PRAGMA synchronous = FULL");
      statement.executeUpdate("PRAGMA foreign_keys = ON");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw SqliteFailures.wrap("could not open database " + file, e);
    } catch (StoreException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /**
   * Switches to WAL. When several processes open a new file at once, SQLite can answer SQLITE_BUSY
   * here without waiting for the busy timeout (seen under load), so retry briefly.
   */
  private static String switchToWal(Statement statement) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        return queryString(statement, "PRAGMA journal_mode = WAL");
      } catch (SQLException e) {
        int primaryCode =
            e.getErrorCode() & 0xFF; // extended codes keep the primary one in the low byte
        boolean busy = primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED;
        if (!busy || attempt >= WAL_SWITCH_ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(10L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The first column of the first row of {@code sql}'s result. */
  static String queryString(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  /** The first column of the first row of {@code sql}'s result, 0 when there is no row or NULL. */
  static long queryLong(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** Closes {@code connection}, ignoring failure: used on paths that already report one. */
  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("Closing a database connection failed", e);
    }
  }
}

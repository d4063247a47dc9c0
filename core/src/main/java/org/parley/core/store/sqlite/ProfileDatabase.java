package org.parley.core.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.parley.core.account.AccountSettingsStore;
import org.parley.core.calllog.CallLog;
import org.parley.core.contacts.ContactStore;
import org.parley.core.im.ChatHistory;
import org.parley.core.settings.SettingsStore;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A profile's SQLite database ({@code parley.db} in the profile folder): accounts, contacts, the
 * call log, chat history and settings, migrated to the current schema when opened.
 *
 * <p>It holds one connection, used under a lock by every store, so the stores may be called from
 * any thread. A desktop profile sees a few writes a minute; one connection keeps SQLite's locking
 * out of the picture (no SQLITE_BUSY between our own connections).
 */
public final class ProfileDatabase implements AutoCloseable {

  /** The database's file name inside the profile folder. */
  public static final String FILE_NAME = "parley.db";

  /** How long a statement waits for another process (a second Parley) to release its lock. */
  static final int BUSY_TIMEOUT_MILLIS = 5000;

  private static final Logger LOG = LoggerFactory.getLogger(ProfileDatabase.class);

  private final String database;
  private final ReentrantLock lock = new ReentrantLock();
  private Connection connection; // guarded by lock; null once closed
  private final SqliteCallLog callLog;
  private final SqliteAccountSettingsStore accounts;
  private final SqliteContactStore contacts;
  private final SqliteSettingsStore settings;
  private final SqliteChatHistory chatHistory;

  private ProfileDatabase(String database, Connection connection) {
    this.database = database;
    this.connection = connection;
    this.callLog = new SqliteCallLog(this);
    this.accounts = new SqliteAccountSettingsStore(this);
    this.contacts = new SqliteContactStore(this);
    this.settings = new SqliteSettingsStore(this);
    this.chatHistory = new SqliteChatHistory(this);
  }

  /**
   * Opens (or creates) {@code parley.db} in {@code profileFolder}, creating the folder if needed,
   * and migrates it to the current schema.
   *
   * @throws StoreException when the folder cannot be created, the file is not SQLite or not a
   *     Parley profile, was written by a newer Parley, or a migration fails; the message says which
   */
  public static ProfileDatabase open(Path profileFolder) {
    return open(profileFolder.resolve(FILE_NAME), SchemaMigrator.bundled());
  }

  /** Opens {@code file} and migrates it with {@code migrations} (tests pass older sets). */
  static ProfileDatabase open(Path file, List<SchemaMigrator.Migration> migrations) {
    Path absolute = file.toAbsolutePath();
    String database = absolute.toString();
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new StoreException(
          "could not create the profile folder " + absolute.getParent() + ": " + e.getMessage(), e);
    }
    Connection connection = connect(database);
    try {
      configure(connection, database);
      SchemaMigrator.migrate(connection, migrations, database);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
    return new ProfileDatabase(database, connection);
  }

  private static Connection connect(String database) {
    try {
      return DriverManager.getConnection("jdbc:sqlite:" + database);
    } catch (SQLException e) {
      throw SqliteErrors.wrap("could not open the profile database " + database, e);
    }
  }

  /** WAL, synchronous=FULL (a commit is on disk before it returns), foreign keys, busy timeout. */
  private static void configure(Connection connection, String database) {
    try (Statement statement = connection.createStatement()) {
      // The busy timeout first: switching to WAL takes a lock another process may hold.
      statement.executeUpdate("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
      // Reading the journal mode is the first statement that reads the file: a file that is not
      // SQLite fails here with SQLITE_NOTADB.
      String journalMode = queryString(statement, "PRAGMA journal_mode = WAL");
      if (!"wal".equalsIgnoreCase(journalMode)) {
        throw new StoreException(
            "could not switch the profile database "
                + database
                + " to WAL mode (it stays in '"
                + journalMode
                + "' mode); keep the profile on a local disk, not a network share");
      }
      statement.executeUpdate("PRAGMA synchronous = FULL");
      statement.executeUpdate("PRAGMA foreign_keys = ON");
    } catch (SQLException e) {
      throw SqliteErrors.wrap("could not open the profile database " + database, e);
    }
  }

  private static String queryString(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }

  private static long queryLong(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  /** The call history; the same instance on every call. */
  public CallLog callLog() {
    return callLog;
  }

  /** The accounts' settings (no passwords); the same instance on every call. */
  public AccountSettingsStore accounts() {
    return accounts;
  }

  /** The address book; the same instance on every call. */
  public ContactStore contacts() {
    return contacts;
  }

  /** The user's preferences; the same instance on every call. */
  public SettingsStore settings() {
    return settings;
  }

  /** The messages sent and received, with full-text search; the same instance on every call. */
  public ChatHistory chatHistory() {
    return chatHistory;
  }

  /** The database file's absolute path, for messages. */
  String file() {
    return database;
  }

  /** Work on the connection: one or more statements that may throw SQLException. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} with the connection, holding the lock.
   *
   * @param what what is being done, a lower-case phrase for the message if it fails
   * @throws StoreException when the database is closed or SQLite reports an error
   */
  <T> T execute(String what, SqlWork<T> work) {
    lock.lock();
    try {
      if (connection == null) {
        throw new StoreException("could not " + what + ": the profile database is closed");
      }
      return work.run(connection);
    } catch (SQLException e) {
      throw SqliteErrors.wrap("could not " + what + " in " + database, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Deletes the row with {@code id} from {@code table} (a constant of ours, never user input).
   *
   * @return whether there was one
   */
  boolean deleteById(String table, String what, long id) {
    return execute(
        "delete " + what + " " + id,
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            delete.setLong(1, id);
            return delete.executeUpdate() > 0;
          }
        });
  }

  /** Fails an update that matched no row: the row was deleted meanwhile or never stored. */
  static void checkUpdated(int rows, String what, String name, long id) {
    if (rows == 0) {
      throw new StoreException(
          "could not update "
              + what
              + " "
              + name
              + ": there is no "
              + what
              + " "
              + id
              + " (it was deleted)");
    }
  }

  /** The rowid of the connection's last INSERT; call it holding the lock, as execute does. */
  static long lastInsertedId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      return queryLong(statement, "SELECT last_insert_rowid()");
    }
  }

  /** Closes the connection; stores fail with a StoreException afterwards. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (connection != null) {
        closeQuietly(connection);
        connection = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Committed data is already durable (synchronous=FULL); nothing is lost here.
      LOG.debug("Closing the profile database failed", e);
    }
  }
}

package org.parley.server.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import org.parley.server.store.UserStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user table, cached in memory. {@link #find} runs on every authenticated request, so it
 * answers from the cache after one cheap check that nobody changed the users since: {@code PRAGMA
 * data_version} tells whether any other connection (this process's or another's, such as the {@code
 * parley server user} command) committed anything, and only then is the {@code users_generation}
 * row, which triggers bump on every change to {@code users}, read to tell whether that commit
 * touched users. The cache is reloaded only when it did.
 *
 * <p>Even that check was a measurable share of a registration (two SQLite queries per request while
 * the location writer commits), so {@link #find} trusts a user it finds in the cache for {@link
 * #RECHECK_NANOS} after the last check; a name it does not find, and {@link #findCurrent}, always
 * check. A user removed or changed by another process is therefore seen within a second.
 *
 * <p>Reads and writes use separate connections: in WAL mode a read never waits for a writer, so a
 * write that waits for another process's lock does not hold up authentication.
 */
final class SqliteUserStore implements UserStore, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SqliteUserStore.class);

  /** How long a cached user is answered without checking whether the users changed. */
  static final long RECHECK_NANOS = 1_000_000_000L;

  private final String database;
  private final LongSupplier nanoTime;
  // When the last good check started, and whether there was one.
  private volatile long checkedAtNanos;
  private volatile boolean checked;

  private final ReentrantLock readerLock = new ReentrantLock();
  private final Connection readConnection; // guarded by readerLock
  // Prepared on first use and again after a failure, which may leave them unusable.
  private PreparedStatement dataVersion; // guarded by readerLock
  private PreparedStatement generation; // guarded by readerLock
  private long seenDataVersion = Long.MIN_VALUE; // guarded by readerLock
  private long seenGeneration = Long.MIN_VALUE; // guarded by readerLock
  // Checks are numbered as they start; a caller that finds a check which started after it
  // arrived has completed uses that check's answer instead of running its own.
  private volatile long checksStarted; // written under readerLock
  private long lastGoodCheck; // guarded by readerLock
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

  private final ReentrantLock writerLock = new ReentrantLock();
  private final Connection writeConnection; // guarded by writerLock

  private volatile boolean closed;

  /** The users as last read, by name and sorted. */
  private record Snapshot(Map<String, User> byName, List<User> sorted) {}

  /**
   * Takes ownership of two connections to the same, migrated database.
   *
   * @param database the file's name, for messages
   */
  SqliteUserStore(Connection readConnection, Connection writeConnection, String database) {
    this(readConnection, writeConnection, database, System::nanoTime);
  }

  /** As above, with the clock that times {@link #RECHECK_NANOS} (tests pass their own). */
  SqliteUserStore(
      Connection readConnection,
      Connection writeConnection,
      String database,
      LongSupplier nanoTime) {
    this.database = database;
    this.nanoTime = nanoTime;
    this.readConnection = readConnection;
    this.writeConnection = writeConnection;
  }

  @Override
  public void add(User user) throws StoreException {
    Objects.requireNonNull(user, "user");
    int inserted =
        write(
            "add user " + user.name(),
            "INSERT INTO users (realm, ha1_md5, ha1_sha256, name) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING",
            user);
    if (inserted == 0) {
      throw new StoreException("user " + user.name() + " already exists in " + database);
    }
  }

  @Override
  public boolean update(User user) throws StoreException {
    Objects.requireNonNull(user, "user");
    return write(
            "update user " + user.name(),
            "UPDATE users SET realm = ?, ha1_md5 = ?, ha1_sha256 = ? WHERE name = ?",
            user)
        > 0;
  }

  @Override
  public boolean remove(String name) throws StoreException {
    Objects.requireNonNull(name, "name");
    writerLock.lock();
    try {
      checkOpen();
      try (PreparedStatement delete =
          writeConnection.prepareStatement("DELETE FROM users WHERE name = ?")) {
        delete.setString(1, name);
        return delete.executeUpdate() > 0;
      }
    } catch (SQLException e) {
      throw SqliteFailures.wrap("could not remove user " + name + " from " + database, e);
    } finally {
      writerLock.unlock();
    }
  }

  @Override
  public Optional<User> find(String name) throws StoreException {
    Objects.requireNonNull(name, "name");
    if (!closed && checked && nanoTime.getAsLong() - checkedAtNanos < RECHECK_NANOS) {
      User cached = snapshot.byName().get(name);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    return findCurrent(name);
  }

  @Override
  public Optional<User> findCurrent(String name) throws StoreException {
    Objects.requireNonNull(name, "name");
    return Optional.ofNullable(current().byName().get(name));
  }

  @Override
  public List<User> list() throws StoreException {
    return current().sorted();
  }

  /** Closes both connections; later calls fail with StoreException. */
  @Override
  public void close() {
    readerLock.lock();
    writerLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      SqliteConnections.closeQuietly(readConnection);
      SqliteConnections.closeQuietly(writeConnection);
    } finally {
      writerLock.unlock();
      readerLock.unlock();
    }
  }

  /** Runs {@code sql} with the user's realm, digests and name as parameters 1 to 4. */
  private int write(String what, String sql, User user) throws StoreException {
    writerLock.lock();
    try {
      checkOpen();
      try (PreparedStatement statement = writeConnection.prepareStatement(sql)) {
        statement.setString(1, user.realm());
        statement.setString(2, user.ha1Md5());
        statement.setString(3, user.ha1Sha256());
        statement.setString(4, user.name());
        return statement.executeUpdate();
      }
    } catch (SQLException e) {
      throw SqliteFailures.wrap("could not " + what + " in " + database, e);
    } finally {
      writerLock.unlock();
    }
  }

  /** The cached users, reloaded first if any connection has changed them since. */
  private Snapshot current() throws StoreException {
    long arrival = checksStarted;
    readerLock.lock();
    try {
      checkOpen();
      if (lastGoodCheck > arrival) {
        // Another thread checked after this call began: any commit before it is in the snapshot.
        return snapshot;
      }
      long check = checksStarted + 1;
      checksStarted = check;
      long startedNanos = nanoTime.getAsLong();
      if (dataVersion == null) {
        dataVersion = readConnection.prepareStatement("PRAGMA data_version");
        generation =
            readConnection.prepareStatement("SELECT generation FROM users_generation WHERE id = 1");
      }
      long version = queryLong(dataVersion);
      if (version != seenDataVersion) {
        long changes = queryLong(generation);
        if (changes != seenGeneration) {
          reload();
        }
        seenDataVersion = version;
      }
      lastGoodCheck = check;
      checkedAtNanos = startedNanos;
      checked = true;
      return snapshot;
    } catch (SQLException e) {
      discardQueries();
      throw SqliteFailures.wrap("could not read the users of " + database, e);
    } finally {
      readerLock.unlock();
    }
  }

  /** Reads the generation and every user in one read transaction, so they agree. */
  private void reload() throws SQLException {
    try (Statement statement = readConnection.createStatement()) {
      statement.executeUpdate("BEGIN");
      boolean read = false;
      try {
        long changes = queryLong(generation);
        Map<String, User> byName = new HashMap<>();
        try (ResultSet rows =
            statement.executeQuery("SELECT name, realm, ha1_md5, ha1_sha256 FROM users")) {
          while (rows.next()) {
            User user =
                new User(
                    rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4));
            byName.put(user.name(), user);
          }
        }
        List<User> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(User::name));
        snapshot = new Snapshot(Map.copyOf(byName), List.copyOf(sorted));
        seenGeneration = changes;
        read = true;
      } finally {
        if (!read) {
          rollbackQuietly(statement);
        }
      }
      statement.executeUpdate("COMMIT");
    }
    LOG.debug("Loaded {} users from {}", snapshot.byName().size(), database);
  }

  private void discardQueries() {
    for (PreparedStatement query : new PreparedStatement[] {dataVersion, generation}) {
      if (query != null) {
        try {
          query.close();
        } catch (SQLException e) {
          LOG.debug("Closing a failed user query on {} failed", database, e);
        }
      }
    }
    dataVersion = null;
    generation = null;
  }

  private static void rollbackQuietly(Statement statement) {
    try {
      statement.executeUpdate("ROLLBACK");
    } catch (SQLException e) {
      // The read that failed is what gets reported.
      LOG.debug("Ending a failed read transaction failed", e);
    }
  }

  private static long queryLong(PreparedStatement query) throws SQLException {
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    }
  }

  private void checkOpen() throws StoreException {
    if (closed) {
      throw new StoreException("the user store of " + database + " is closed");
    }
  }
}

package org.parley.server.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a database's schema up to date by running the versioned SQL scripts under {@code
 * migrations/}, each in its own transaction, and recording each in {@code schema_version}.
 */
final class Migrations {

  /**
   * The scripts in the order they apply. Listed here rather than found by scanning the classpath,
   * which does not work reliably inside jars and jlink images. The n-th entry must be version n.
   */
  static final List<String> SCRIPTS =
      List.of(
          "V1__users_and_bindings.sql",
          "V2__bindings_expiry_index.sql",
          "V3__offline_messages.sql",
          "V4__voicemail.sql",
          "V5__chat_rooms.sql",
          "V6__presence_rules_and_subscriptions.sql",
          "V7__presence_publications.sql");

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
  private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  private Migrations() {}

  /** One versioned schema change. */
  record Migration(int version, String description, String sql) {}

  /** Every migration, in version order, read from the classpath. */
  static List<Migration> all() {
    List<Migration> migrations = new ArrayList<>();
    for (String script : SCRIPTS) {
      Matcher name = SCRIPT_NAME.matcher(script);
      if (!name.matches()) {
        throw new IllegalStateException("Migration script name " + script + " is not V<n>__x.sql");
      }
      int version = Integer.parseInt(name.group(1));
      if (version != migrations.size() + 1) {
        throw new IllegalStateException("Migration " + script + " is out of order");
      }
      migrations.add(new Migration(version, name.group(2).replace('_', ' '), read(script)));
    }
    return List.copyOf(migrations);
  }

  /** The schema version this code creates and understands. */
  static int latestVersion() {
    return SCRIPTS.size();
  }

  /** The text of one script, from the classpath. */
  static String read(String script) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("Migration script " + script + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read migration script " + script, e);
    }
  }

  /**
   * Migrates the database behind {@code connection} to {@link #latestVersion()}. Safe when several
   * processes open the same file at once: each migration re-reads the version under the write lock.
   *
   * @param database the file's name, for messages
   * @throws StoreException when the file is not a Parley database, was created by a newer Parley,
   *     or a migration fails (that migration is rolled back; earlier ones stay)
   */
  static void migrate(Connection connection, String database) throws StoreException {
    int current = currentVersion(connection, database);
    if (current == latestVersion()) {
      return;
    }
    for (Migration migration : all()) {
      if (migration.version() > current) {
        apply(connection, migration, database);
      }
    }
  }

  /** The version recorded in the database: 0 for a new, empty file. */
  static int currentVersion(Connection connection, String database) throws StoreException {
    try (Statement statement = connection.createStatement()) {
      boolean versioned =
          SqliteConnections.queryLong(
                  statement,
                  "SELECT count(*) FROM sqlite_schema"
                      + " WHERE type = 'table' AND name = 'schema_version'")
              > 0;
      if (!versioned) {
        long tables =
            SqliteConnections.queryLong(
                statement,
                "SELECT count(*) FROM sqlite_schema"
                    + " WHERE type = 'table' AND name NOT LIKE 'sqlite%'");
        if (tables > 0) {
          throw new StoreException(
              "database "
                  + database
                  + " is an SQLite database but not Parley's (it has no schema_version table);"
                  + " point the server at another data folder");
        }
        return 0;
      }
      int version =
          (int) SqliteConnections.queryLong(statement, "SELECT max(version) FROM schema_version");
      checkNotNewer(version, database);
      return version;
    } catch (SQLException e) {
      throw SqliteFailures.wrap("could not read the schema version of database " + database, e);
    }
  }

  private static void checkNotNewer(int version, String database) throws StoreException {
    if (version > latestVersion()) {
      throw new StoreException(
          "database "
              + database
              + " was created by a newer Parley (schema version "
              + version
              + ", this Parley knows up to "
              + latestVersion()
              + "); upgrade Parley, or point it at another data folder");
    }
  }

  private static void apply(Connection connection, Migration migration, String database)
      throws StoreException {
    try (Statement statement = connection.createStatement()) {
      // IMMEDIATE: take the write lock before reading the version, so two processes opening
      // a new file at once cannot both apply the same migration.
      statement.executeUpdate("BEGIN IMMEDIATE");
      try {
        statement.executeUpdate(
            "CREATE TABLE IF NOT EXISTS schema_version ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "description TEXT NOT NULL, "
                + "applied_at TEXT NOT NULL)");
        int current =
            (int) SqliteConnections.queryLong(statement, "SELECT max(version) FROM schema_version");
        checkNotNewer(current, database);
        if (current < migration.version()) {
          // sqlite-jdbc's executeUpdate(String) runs the text through sqlite3_exec, which
          // executes every statement in it (triggers included), not only the first.
          statement.executeUpdate(migration.sql());
          record(connection, migration);
        }
        statement.executeUpdate("COMMIT");
        if (current < migration.version()) {
          LOG.info(
              "Migrated database {} to schema version {} ({})",
              database,
              migration.version(),
              migration.description());
        }
      } catch (SQLException | StoreException | RuntimeException e) {
        rollbackQuietly(statement);
        throw e;
      }
    } catch (SQLException e) {
      throw SqliteFailures.wrap(
          "could not migrate database "
              + database
              + " to schema version "
              + migration.version()
              + " ("
              + migration.description()
              + ")",
          e);
    }
  }

  private static void record(Connection connection, Migration migration) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
      insert.setInt(1, migration.version());
      insert.setString(2, migration.description());
      insert.setString(3, Instant.now().toString());
      insert.executeUpdate();
    }
  }

  private static void rollbackQuietly(Statement statement) {
    try {
      statement.executeUpdate("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may have rolled back already; the original failure is what gets reported.
      LOG.debug("Rolling back a failed migration failed", e);
    }
  }
}

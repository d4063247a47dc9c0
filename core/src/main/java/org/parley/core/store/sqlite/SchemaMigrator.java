package org.parley.core.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a profile database's schema up to date by running the versioned scripts under {@code
 * migrations/}, each in its own transaction. The version lives in SQLite's own {@code user_version}
 * header field and the file is marked as Parley's with {@code application_id}, so both change
 * atomically with the script that needs them.
 */
final class SchemaMigrator {

  /** "Prly" in ASCII: marks a file as a Parley profile database. */
  static final int APPLICATION_ID = 0x50726C79;

  /**
   * The scripts in the order they apply; the n-th must be version n. Listed here because scanning
   * the classpath for resources is unreliable inside jars and jlink images.
   */
  static final List<String> SCRIPTS =
      List.of(
          "V1__profile.sql",
          "V2__call_log_newest_first.sql",
          "V3__messages.sql",
          "V4__call_log_jitter_buffer_delay.sql");

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
  private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

  private SchemaMigrator() {}

  /** One versioned schema change. */
  record Migration(int version, String description, String sql) {}

  /** Every migration shipped with this Parley, in version order. */
  static List<Migration> bundled() {
    return SCRIPTS.stream().map(SchemaMigrator::load).toList();
  }

  /** Reads the script {@code V<n>__words.sql} from the classpath. */
  static Migration load(String script) {
    Matcher name = SCRIPT_NAME.matcher(script);
    if (!name.matches()) {
      throw new IllegalArgumentException("A migration script is named V<n>__words.sql: " + script);
    }
    try (InputStream in = SchemaMigrator.class.getResourceAsStream("migrations/" + script)) {
      if (in == null) {
        throw new IllegalStateException("Migration script " + script + " is missing");
      }
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), sql);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read migration script " + script, e);
    }
  }

  /**
   * Migrates the database behind {@code connection} to the last of {@code migrations}. Earlier
   * migrations that succeeded stay applied when a later one fails.
   *
   * @param migrations versions 1..n in order
   * @param database the file, for messages
   * @throws StoreException when the file is another program's database, was written by a newer
   *     Parley (nothing is changed then), or a migration fails (that one is rolled back)
   */
  static void migrate(Connection connection, List<Migration> migrations, String database) {
    for (int i = 0; i < migrations.size(); i++) {
      if (migrations.get(i).version() != i + 1) {
        throw new IllegalArgumentException("Migrations must be versions 1..n in order");
      }
    }
    try (Statement statement = connection.createStatement()) {
      int found = checkOwnership(statement, migrations.size(), database);
      for (Migration migration : migrations) {
        if (migration.version() > found) {
          apply(statement, migration, migrations.size(), database);
        }
      }
    } catch (SQLException e) {
      throw SqliteErrors.wrap("could not read the schema of the profile database " + database, e);
    }
  }

  /** The schema version, after checking the file is a Parley profile this code understands. */
  private static int checkOwnership(Statement statement, int latest, String database)
      throws SQLException {
    int applicationId = queryInt(statement, "PRAGMA application_id");
    int version = queryInt(statement, "PRAGMA user_version");
    if (applicationId != APPLICATION_ID) {
      boolean empty =
          applicationId == 0
              && version == 0
              && queryInt(statement, "SELECT count(*) FROM sqlite_schema") == 0;
      if (!empty) {
        throw new StoreException(
            "the profile database "
                + database
                + " is an SQLite database of another program, not a Parley profile; move it"
                + " away or choose another profile folder");
      }
    }
    checkNotNewer(version, latest, database);
    return version;
  }

  private static void checkNotNewer(int version, int latest, String database) {
    if (version > latest) {
      throw new StoreException(
          "the profile database "
              + database
              + " was written by a newer Parley (schema version "
              + version
              + "; this Parley knows versions up to "
              + latest
              + "); install that newer Parley again, or choose another profile folder");
    }
  }

  private static void apply(Statement statement, Migration migration, int latest, String database)
      throws SQLException {
    // IMMEDIATE takes the write lock before the version is read again, so two processes
    // opening a new profile at once cannot both run the same script.
    statement.executeUpdate("BEGIN IMMEDIATE");
    boolean applied = false;
    try {
      int current = queryInt(statement, "PRAGMA user_version");
      checkNotNewer(current, latest, database);
      if (current < migration.version()) {
        // sqlite-jdbc runs executeUpdate's text through sqlite3_exec: every statement in it.
        statement.executeUpdate(migration.sql());
        // Both header fields are written inside the transaction: they commit with the script.
        statement.executeUpdate("PRAGMA user_version = " + migration.version());
        statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
        applied = true;
      }
      statement.executeUpdate("COMMIT");
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(statement);
      if (e instanceof SQLException failure) {
        throw SqliteErrors.wrap(
            "could not migrate the profile database "
                + database
                + " to schema version "
                + migration.version()
                + " ("
                + migration.description()
                + ")",
            failure);
      }
      throw e;
    }
    if (applied) {
      LOG.info(
          "Migrated profile database {} to schema version {} ({})",
          database,
          migration.version(),
          migration.description());
    }
  }

  /** The first column of the first row, 0 when there is none. */
  static int queryInt(Statement statement, String sql) throws SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getInt(1) : 0;
    }
  }

  private static void rollbackQuietly(Statement statement) {
    try {
      statement.executeUpdate("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may have rolled back by itself; the original failure is the one to report.
      LOG.debug("Rolling back a failed migration failed", e);
    }
  }
}

package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.core.store.sqlite.ProfileFixtures.answeredCall;
import static org.parley.core.store.sqlite.ProfileFixtures.insertBeforeJitterBufferDelay;
import static org.parley.core.store.sqlite.ProfileFixtures.queryLong;
import static org.parley.core.store.sqlite.ProfileFixtures.update;
import static org.parley.core.store.sqlite.ProfileFixtures.withoutJitterBufferDelay;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.account.AccountSettings;
import org.parley.core.calllog.CallLogException;
import org.parley.core.calllog.CallRecord;
import org.parley.core.contacts.Contact;
import org.parley.core.store.StoreException;

/** Opening a profile database: creating, configuring and migrating it, and refusing bad files. */
@Timeout(60)
class ProfileDatabaseTest {

  private static final String INDEX_QUERY =
      "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'call_log_newest_first'";

  @TempDir Path folder;

  private Path file() {
    return folder.resolve(ProfileDatabase.FILE_NAME);
  }

  private static String pragma(ProfileDatabase database, String name) {
    return database.execute(
        "read " + name,
        connection -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
          }
        });
  }

  @Test
  void openCreatesTheProfileFolderAndTheLatestSchema() throws Exception {
    Path profile = folder.resolve("a").resolve("parley");

    ProfileDatabase.open(profile).close();

    Path file = profile.resolve("parley.db");
    assertThat(file).isRegularFile();
    assertThat(queryLong(file, "PRAGMA user_version")).isEqualTo(SchemaMigrator.SCRIPTS.size());
    assertThat(queryLong(file, "PRAGMA application_id")).isEqualTo(SchemaMigrator.APPLICATION_ID);
    assertThat(queryLong(file, INDEX_QUERY)).isEqualTo(1);
  }

  @Test
  void connectionUsesWalFullSynchronousAndForeignKeys() {
    try (ProfileDatabase database = ProfileDatabase.open(folder)) {
      assertThat(pragma(database, "journal_mode")).isEqualTo("wal");
      assertThat(pragma(database, "synchronous")).isEqualTo("2"); // FULL
      assertThat(pragma(database, "foreign_keys")).isEqualTo("1");
    }
  }

  @Test
  void bundledScriptsAreVersionsOneToN() {
    assertThat(SchemaMigrator.bundled())
        .extracting(SchemaMigrator.Migration::version)
        .containsExactly(1, 2, 3, 4);
  }

  @Test
  void aV1DatabaseIsMigratedForwardKeepingItsData() throws Exception {
    List<SchemaMigrator.Migration> v1Only = SchemaMigrator.bundled().subList(0, 1);
    try (ProfileDatabase older = ProfileDatabase.open(file(), v1Only)) {
      older.contacts().add(Contact.of("Bob Jones", "sip:bob@office.example"));
      older.accounts().save(AccountSettings.of("Alice", "sip:alice@office.example"));
      older.settings().put("ringtone", "classic");
    }
    // The call as version 1's call log wrote it (the current one writes columns V1 lacks).
    update(file(), insertBeforeJitterBufferDelay(answeredCall(0)));
    CallRecord call = withoutJitterBufferDelay(answeredCall(0), 1);
    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(1);
    assertThat(queryLong(file(), INDEX_QUERY)).isZero();

    try (ProfileDatabase current = ProfileDatabase.open(folder)) {
      assertThat(current.callLog().recent(10)).containsExactly(call);
      assertThat(current.contacts().all())
          .extracting(Contact::displayName)
          .containsExactly("Bob Jones");
      assertThat(current.accounts().list())
          .extracting(AccountSettings::addressOfRecord)
          .containsExactly("sip:alice@office.example");
      assertThat(current.settings().get("ringtone")).contains("classic");
    }
    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(SchemaMigrator.SCRIPTS.size());
    assertThat(queryLong(file(), INDEX_QUERY)).isEqualTo(1);
  }

  @Test
  void aV3CallLogGainsTheJitterBufferDelayKeepingItsRowsAndNewCallsKeepItAcrossARestart()
      throws Exception {
    try (ProfileDatabase older =
        ProfileDatabase.open(file(), SchemaMigrator.bundled().subList(0, 3))) {
      assertThat(older.callLog().recent(10)).isEmpty();
    }
    update(file(), insertBeforeJitterBufferDelay(answeredCall(0)));

    try (ProfileDatabase current = ProfileDatabase.open(folder)) {
      current.callLog().add(answeredCall(60));
    }

    try (ProfileDatabase restarted = ProfileDatabase.open(folder)) {
      List<CallRecord> calls = restarted.callLog().recent(10);
      assertThat(calls).hasSize(2);
      // Newest first: the call logged after the migration kept its delay, the older one is unknown.
      assertThat(calls.get(0).quality().orElseThrow().jitterBufferMillis()).isEqualTo(43.5);
      assertThat(calls.get(0).quality().orElseThrow().worstJitterBufferMillis()).isEqualTo(81.25);
      assertThat(calls.get(1)).isEqualTo(withoutJitterBufferDelay(answeredCall(0), 1));
      assertThat(calls.get(1).quality().orElseThrow().jitterBufferMillis()).isNaN();
    }
    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(4);
  }

  @Test
  void aFailingMigrationIsRolledBackAndEarlierOnesStay() throws Exception {
    SchemaMigrator.Migration v1 = SchemaMigrator.bundled().get(0);
    SchemaMigrator.Migration broken =
        new SchemaMigrator.Migration(
            2, "broken", "CREATE TABLE extra (x INTEGER); INSERT INTO no_such_table VALUES (1);");

    assertThatThrownBy(() -> ProfileDatabase.open(file(), List.of(v1, broken)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("schema version 2 (broken)")
        .hasMessageContaining("no_such_table");

    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(1);
    assertThat(queryLong(file(), "SELECT count(*) FROM sqlite_schema WHERE name = 'extra'"))
        .isZero();
  }

  @Test
  void aDatabaseFromANewerParleyIsRefusedAndLeftAlone() throws Exception {
    ProfileDatabase.open(folder).close();
    update(file(), "PRAGMA user_version = 99");
    long sizeBefore = Files.size(file());

    assertThatThrownBy(() -> ProfileDatabase.open(folder))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("newer Parley")
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("up to " + SchemaMigrator.SCRIPTS.size());

    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(99);
    assertThat(Files.size(file())).isEqualTo(sizeBefore);
  }

  @Test
  void aFileThatIsNotSqliteGivesAClearError() throws Exception {
    String notes = "These are my notes, not a database.\n".repeat(100);
    Files.writeString(file(), notes, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> ProfileDatabase.open(folder))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("not an SQLite database");

    assertThat(Files.readString(file(), StandardCharsets.UTF_8)).isEqualTo(notes);
  }

  @Test
  void anotherProgramsSqliteDatabaseIsRefused() throws Exception {
    update(file(), "CREATE TABLE bookmarks (url TEXT)");

    assertThatThrownBy(() -> ProfileDatabase.open(folder))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file().toString())
        .hasMessageContaining("another program");

    assertThat(queryLong(file(), "PRAGMA user_version")).isZero();
  }

  @Test
  void reopeningTheLatestSchemaChangesNothing() throws Exception {
    ProfileDatabase.open(folder).close();
    long tables = queryLong(file(), "SELECT count(*) FROM sqlite_schema");

    ProfileDatabase.open(folder).close();

    assertThat(queryLong(file(), "SELECT count(*) FROM sqlite_schema")).isEqualTo(tables);
    assertThat(queryLong(file(), "PRAGMA user_version")).isEqualTo(SchemaMigrator.SCRIPTS.size());
  }

  @Test
  void storesFailClearlyAfterClose() {
    ProfileDatabase database = ProfileDatabase.open(folder);
    database.close();
    database.close();

    assertThatThrownBy(() -> database.settings().get("x"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> database.callLog().recent(1))
        .isInstanceOf(CallLogException.class)
        .hasMessageContaining("closed");
  }
}

package org.parley.core.store.sqlite;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A store test's database in a fresh profile folder, which a test can close and open again. */
@Timeout(60)
abstract class ProfileDatabaseFixture {

  @TempDir Path folder;
  ProfileDatabase database;

  @BeforeEach
  void openDatabase() {
    database = ProfileDatabase.open(folder);
  }

  @AfterEach
  void closeDatabase() {
    database.close();
  }

  /** Closes the database and opens the same file again, as a restart of Parley would. */
  ProfileDatabase reopen() {
    database.close();
    database = ProfileDatabase.open(folder);
    return database;
  }
}

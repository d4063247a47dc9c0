package org.parley.core.store.sqlite;

import java.sql.SQLException;
import org.parley.core.store.StoreException;

/** Turns SQLite's errors into StoreExceptions that say what failed and, where known, why. */
final class SqliteErrors {

  // Primary result codes (https://sqlite.org/rescode.html), which sqlite-jdbc reports as the
  // SQLException's error code; extended codes keep the primary one in the low byte.
  static final int SQLITE_BUSY = 5;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private SqliteErrors() {}

  /**
   * A StoreException such as "could not add a call to the call log in /home/a/parley.db: the disk
   * is full ([SQLITE_FULL] ...)".
   *
   * @param what what was being done, a lower-case phrase naming the file
   */
  static StoreException wrap(String what, SQLException e) {
    String why = reason(e.getErrorCode() & 0xff);
    String detail = why == null ? e.getMessage() : why + " (" + e.getMessage() + ")";
    return new StoreException(what + ": " + detail, e);
  }

  private static String reason(int primaryCode) {
    return switch (primaryCode) {
      case SQLITE_BUSY -> "another program (a second Parley?) holds the database locked";
      case SQLITE_READONLY -> "the database is read-only; check the file's permissions";
      case SQLITE_IOERR -> "a disk I/O error occurred";
      case SQLITE_CORRUPT -> "the database file is damaged; restore it from a backup";
      case SQLITE_FULL -> "the disk is full";
      case SQLITE_CANTOPEN -> "the file cannot be opened; check the folder and its permissions";
      case SQLITE_NOTADB -> "the file is not an SQLite database (or it is encrypted or damaged)";
      default -> null;
    };
  }
}

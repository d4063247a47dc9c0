package org.parley.server.store.sqlite;

import java.sql.SQLException;
import org.parley.server.store.StoreException;

/**
 * Turns SQLite's errors into StoreExceptions whose message says what failed and, where known, why.
 */
final class SqliteFailures {

  // Primary result codes (https://sqlite.org/rescode.html); sqlite-jdbc reports them as the
  // SQLException's error code.
  static final int SQLITE_BUSY = 5;
  static final int SQLITE_CORRUPT = 11;
  static final int SQLITE_FULL = 13;
  static final int SQLITE_CANTOPEN = 14;
  static final int SQLITE_NOTADB = 26;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_READONLY = 8;

  private SqliteFailures() {}

  /**
   * A StoreException for {@code e}, with a message such as "could not commit 3 location changes to
   * /srv/parley/parley.db: the disk is full ([SQLITE_FULL] ...)".
   *
   * @param what what was being done, starting with a lower-case verb phrase
   */
  static StoreException wrap(String what, SQLException e) {
    String hint = hint(e.getErrorCode());
    String detail = hint == null ? e.getMessage() : hint + " (" + e.getMessage() + ")";
    return new StoreException(what + ": " + detail, e);
  }

  private static String hint(int errorCode) {
    // sqlite-jdbc reports the primary code; mask in case it ever reports an extended one.
    switch (errorCode & 0xff) {
      case SQLITE_BUSY:
        return "the database is locked by another process for too long";
      case SQLITE_CORRUPT:
        return "the database file is corrupt; restore it from a backup";
      case SQLITE_FULL:
        return "the disk is full";
      case SQLITE_CANTOPEN:
        return "the file cannot be opened; check that it exists and its permissions";
      case SQLITE_NOTADB:
        return "the file is not an SQLite database (or is encrypted or damaged)";
      case SQLITE_IOERR:
        return "a disk I/O error occurred";
      case SQLITE_READONLY:
        return "the database is read-only; check the file's permissions";
      default:
        return null;
    }
  }
}

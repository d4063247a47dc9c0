package org.parley.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;

/** Records and raw SQL access shared by the profile database's tests. */
final class ProfileFixtures {

  /** An instant with nanoseconds, so a store that kept only millis or micros would fail. */
  static final Instant T0 = Instant.parse("2026-11-22T09:15:30.123456789Z");

  private ProfileFixtures() {}

  /**
   * An answered outgoing call with every optional field present, starting {@code offsetS} after T0.
   */
  static CallRecord answeredCall(long offsetSeconds) {
    Instant start = T0.plusSeconds(offsetSeconds);
    return new CallRecord(
        0,
        "sip:alice@office.example",
        CallDirection.OUTGOING,
        "sip:bob@office.example",
        "Bob Jones",
        start,
        Optional.of(start.plusMillis(2_345).plusNanos(7)),
        start.plusSeconds(61).plusNanos(1),
        CallDisposition.ANSWERED,
        0,
        Optional.of("opus"),
        Optional.of(new CallQuality(4.21, 3.05, 1.75, 12.5, 48.25, 0.0125)));
  }

  /**
   * A missed incoming call: no answer time, codec or quality, starting {@code offsetS} after T0.
   */
  static CallRecord missedCall(long offsetSeconds) {
    Instant start = T0.plusSeconds(offsetSeconds);
    return new CallRecord(
        0,
        "sip:alice@office.example",
        CallDirection.INCOMING,
        "sip:+15551234567@carrier.example",
        "",
        start,
        Optional.empty(),
        start.plusSeconds(30),
        CallDisposition.MISSED,
        487,
        Optional.empty(),
        Optional.empty());
  }

  /** A connection of the test's own to {@code file}, bypassing ProfileDatabase. */
  static Connection rawConnection(Path file) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  static long queryLong(Path file, String sql) throws SQLException {
    try (Connection connection = rawConnection(file);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : -1;
    }
  }

  static void update(Path file, String sql) throws SQLException {
    try (Connection connection = rawConnection(file);
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}

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
        Optional.of(new CallQuality(4.21, 3.05, 1.75, 12.5, 48.25, 0.0125, 43.5, 81.25)));
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

  /**
   * The INSERT a Parley before schema version 4 ran for {@code call}, which must have a quality:
   * every column but the jitter-buffer delay, which did not exist yet.
   */
  static String insertBeforeJitterBufferDelay(CallRecord call) {
    CallQuality q = call.quality().orElseThrow();
    return String.format(
        java.util.Locale.ROOT,
        "INSERT INTO call_log (account, direction, peer_uri, peer_display_name, started_at_ns,"
            + " answered_at_ns, ended_at_ns, disposition, status_code, codec, has_quality,"
            + " mean_mos, worst_mos, loss_percent, jitter_millis, round_trip_millis,"
            + " concealment_ratio) VALUES ('%s', '%s', '%s', '%s', %d, %d, %d, '%s', %d, '%s', 1,"
            + " %s, %s, %s, %s, %s, %s)",
        call.account(),
        call.direction().name(),
        call.peerUri(),
        call.peerDisplayName(),
        Columns.epochNanos(call.startedAt()),
        Columns.epochNanos(call.answeredAt().orElseThrow()),
        Columns.epochNanos(call.endedAt()),
        call.disposition().name(),
        call.statusCode(),
        call.codec().orElseThrow(),
        q.meanMos(),
        q.worstMos(),
        q.lossPercent(),
        q.jitterMillis(),
        q.roundTripMillis(),
        q.concealmentRatio());
  }

  /** {@code call} as a store that did not keep the jitter-buffer delay gives it back. */
  static CallRecord withoutJitterBufferDelay(CallRecord call, long id) {
    CallQuality q = call.quality().orElseThrow();
    return new CallRecord(
        id,
        call.account(),
        call.direction(),
        call.peerUri(),
        call.peerDisplayName(),
        call.startedAt(),
        call.answeredAt(),
        call.endedAt(),
        call.disposition(),
        call.statusCode(),
        call.codec(),
        Optional.of(
            new CallQuality(
                q.meanMos(),
                q.worstMos(),
                q.lossPercent(),
                q.jitterMillis(),
                q.roundTripMillis(),
                q.concealmentRatio())));
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

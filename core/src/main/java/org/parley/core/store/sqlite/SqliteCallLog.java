package org.parley.core.store.sqlite;

import static org.parley.core.store.sqlite.Columns.epochNanos;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallLog;
import org.parley.core.calllog.CallLogException;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;
import org.parley.core.store.StoreException;

/** The call history in the profile database's {@code call_log} table. */
final class SqliteCallLog implements CallLog {

  private static final String INSERT =
      "INSERT INTO call_log (account, direction, peer_uri, peer_display_name, started_at_ns,"
          + " answered_at_ns, ended_at_ns, disposition, status_code, codec, has_quality,"
          + " mean_mos, worst_mos, loss_percent, jitter_millis, round_trip_millis,"
          + " concealment_ratio, jitter_buffer_millis, worst_jitter_buffer_millis)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String RECENT =
      "SELECT * FROM call_log ORDER BY started_at_ns DESC, id DESC LIMIT ?";

  private static final int QUALITY_COLUMNS = 8;

  private final ProfileDatabase database;

  SqliteCallLog(ProfileDatabase database) {
    this.database = database;
  }

  @Override
  public CallRecord add(CallRecord call) {
    try {
      return database.execute(
          "add a call to the call log",
          connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
              bind(insert, call);
              insert.executeUpdate();
            }
            return call.withId(ProfileDatabase.lastInsertedId(connection));
          });
    } catch (StoreException e) {
      throw new CallLogException(e.getMessage(), e);
    }
  }

  private static void bind(PreparedStatement insert, CallRecord call) throws SQLException {
    insert.setString(1, call.account());
    insert.setString(2, call.direction().name());
    insert.setString(3, call.peerUri());
    insert.setString(4, call.peerDisplayName());
    insert.setLong(5, epochNanos(call.startedAt()));
    Columns.setInstant(insert, 6, call.answeredAt());
    insert.setLong(7, epochNanos(call.endedAt()));
    insert.setString(8, call.disposition().name());
    insert.setInt(9, call.statusCode());
    insert.setString(10, call.codec().orElse(null));
    insert.setBoolean(11, call.quality().isPresent());
    Optional<CallQuality> quality = call.quality();
    double[] values =
        quality
            .map(
                q ->
                    new double[] {
                      q.meanMos(),
                      q.worstMos(),
                      q.lossPercent(),
                      q.jitterMillis(),
                      q.roundTripMillis(),
                      q.concealmentRatio(),
                      q.jitterBufferMillis(),
                      q.worstJitterBufferMillis()
                    })
            .orElse(null);
    for (int i = 0; i < QUALITY_COLUMNS; i++) {
      if (values == null || Double.isNaN(values[i])) {
        insert.setNull(12 + i, Types.REAL);
      } else {
        insert.setDouble(12 + i, values[i]);
      }
    }
  }

  @Override
  public List<CallRecord> recent(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    try {
      return database.execute(
          "read the call log",
          connection -> {
            try (PreparedStatement select = connection.prepareStatement(RECENT)) {
              select.setInt(1, limit);
              try (ResultSet rows = select.executeQuery()) {
                List<CallRecord> calls = new ArrayList<>();
                while (rows.next()) {
                  calls.add(read(rows));
                }
                return calls;
              }
            }
          });
    } catch (StoreException e) {
      throw new CallLogException(e.getMessage(), e);
    }
  }

  private static CallRecord read(ResultSet row) throws SQLException {
    Optional<CallQuality> quality =
        row.getBoolean("has_quality")
            ? Optional.of(
                new CallQuality(
                    Columns.real(row, "mean_mos"),
                    Columns.real(row, "worst_mos"),
                    Columns.real(row, "loss_percent"),
                    Columns.real(row, "jitter_millis"),
                    Columns.real(row, "round_trip_millis"),
                    Columns.real(row, "concealment_ratio"),
                    Columns.real(row, "jitter_buffer_millis"),
                    Columns.real(row, "worst_jitter_buffer_millis")))
            : Optional.empty();
    return new CallRecord(
        row.getLong("id"),
        row.getString("account"),
        Columns.enumValue(row, "direction", CallDirection.class),
        row.getString("peer_uri"),
        row.getString("peer_display_name"),
        Columns.instant(row.getLong("started_at_ns")),
        Columns.optionalInstant(row, "answered_at_ns"),
        Columns.instant(row.getLong("ended_at_ns")),
        Columns.enumValue(row, "disposition", CallDisposition.class),
        row.getInt("status_code"),
        Columns.optionalString(row, "codec"),
        quality);
  }

  @Override
  public void clear() {
    try {
      database.execute(
          "clear the call log",
          connection -> {
            try (Statement delete = connection.createStatement()) {
              return delete.executeUpdate("DELETE FROM call_log");
            }
          });
    } catch (StoreException e) {
      throw new CallLogException(e.getMessage(), e);
    }
  }
}

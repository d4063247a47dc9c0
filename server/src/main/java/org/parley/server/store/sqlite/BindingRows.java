package org.parley.server.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.parley.server.store.Binding;

/** Maps bindings to rows of the {@code bindings} table and back. */
final class BindingRows {

  /** The columns written by {@link #bind} and read by {@link #read}, in that order. */
  static final String COLUMNS =
      "aor, contact_uri, contact_params, expires_at_ns, call_id, cseq, q_millis, path,"
          + " received_transport, received_host, received_port, user_agent, updated_at_ns";

  static final String INSERT =
      "INSERT INTO bindings (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private BindingRows() {}

  /**
   * Checks that {@code binding} can be stored as a row: its path values are not empty and hold no
   * line break (they are stored joined with '\n'), and its instants fit in nanoseconds since the
   * epoch (up to the year 2262).
   *
   * @throws IllegalArgumentException when it cannot
   */
  static void checkStorable(Binding binding) {
    for (String hop : binding.path()) {
      if (hop.isEmpty() || hop.indexOf('\n') >= 0 || hop.indexOf('\r') >= 0) {
        throw new IllegalArgumentException(
            "Path value of " + binding.contactUri() + " is empty or holds a line break");
      }
    }
    toNanos(binding.expiresAt());
    toNanos(binding.updatedAt());
  }

  /** Sets parameters 1 to 13 of {@link #INSERT} from {@code binding}. */
  static void bind(PreparedStatement insert, Binding binding) throws SQLException {
    insert.setString(1, binding.aor());
    insert.setString(2, binding.contactUri());
    insert.setString(3, binding.contactParams());
    insert.setLong(4, toNanos(binding.expiresAt()));
    insert.setString(5, binding.callId());
    insert.setLong(6, binding.cseq());
    insert.setInt(7, binding.qMillis());
    insert.setString(8, String.join("\n", binding.path()));
    insert.setString(9, binding.receivedTransport());
    insert.setString(10, binding.receivedHost());
    insert.setInt(11, binding.receivedPort());
    if (binding.userAgent() == null) {
      insert.setNull(12, Types.VARCHAR);
    } else {
      insert.setString(12, binding.userAgent());
    }
    insert.setLong(13, toNanos(binding.updatedAt()));
  }

  /** The binding in the current row of a query that selected {@link #COLUMNS}. */
  static Binding read(ResultSet row) throws SQLException {
    String path = row.getString(8);
    return new Binding(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        fromNanos(row.getLong(4)),
        row.getString(5),
        row.getLong(6),
        row.getInt(7),
        path.isEmpty() ? List.of() : List.of(path.split("\n", -1)),
        row.getString(9),
        row.getString(10),
        row.getInt(11),
        row.getString(12),
        fromNanos(row.getLong(13)));
  }

  /** Nanoseconds since the epoch: exact, and ordered like the instants. */
  static long toNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(instant + " is too far from 1970 to store", e);
    }
  }

  static Instant fromNanos(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}

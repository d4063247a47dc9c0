package org.parley.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;

/** Conversions between Java values and the columns the profile database stores them in. */
final class Columns {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private Columns() {}

  /**
   * Nanoseconds since the epoch: exact, and ordered as a number. Covers 1677 to 2262.
   *
   * @throws IllegalArgumentException for an instant outside that range
   */
  static long epochNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Instant out of the storable range: " + instant, e);
    }
  }

  static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(0, epochNanos);
  }

  /** Sets a nullable INTEGER nanosecond column. */
  static void setInstant(PreparedStatement statement, int index, Optional<Instant> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, epochNanos(value.get()));
    } else {
      statement.setNull(index, Types.INTEGER);
    }
  }

  static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
    long nanos = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(instant(nanos));
  }

  static Optional<String> optionalString(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  /** A REAL column; SQLite turns NaN into NULL, so NULL reads back as NaN. */
  static double real(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? Double.NaN : value;
  }

  /**
   * The enum constant named in a TEXT column.
   *
   * @throws SQLException when the name is unknown, so the caller reports it as a damaged row
   */
  static <E extends Enum<E>> E enumValue(ResultSet row, String column, Class<E> type)
      throws SQLException {
    String name = row.getString(column);
    if (name == null) {
      throw new SQLException("column " + column + " is NULL, not a " + type.getSimpleName());
    }
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw new SQLException(
          "column " + column + " holds '" + name + "', not a " + type.getSimpleName(), e);
    }
  }
}

package org.parley.media.rtcp;

/**
 * NTP timestamp arithmetic for RTCP (RFC 3550 §4): 64-bit timestamps (seconds since 1900 in the
 * high word, fraction in the low word) and the 32-bit "middle" form used by LSR, DLSR and RTT.
 */
public final class NtpTime {

  /** Seconds from the NTP era (1900-01-01) to the Unix epoch (1970-01-01). */
  public static final long UNIX_EPOCH_OFFSET_SECONDS = 2_208_988_800L;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private NtpTime() {}

  /** The 64-bit NTP timestamp of an instant given in nanoseconds since the Unix epoch. */
  public static long fromEpochNanos(long epochNanos) {
    long seconds = Math.floorDiv(epochNanos, NANOS_PER_SECOND) + UNIX_EPOCH_OFFSET_SECONDS;
    long nanos = Math.floorMod(epochNanos, NANOS_PER_SECOND);
    long fraction = (nanos << 32) / NANOS_PER_SECOND;
    return (seconds << 32) | fraction;
  }

  /** The middle 32 bits: 16 bits of seconds, 16 bits of fraction (units of 1/65536 s). */
  public static long middle32(long ntpTimestamp) {
    return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
  }

  /** A duration in nanoseconds as 1/65536 s units (the DLSR field), saturating at 32 bits. */
  public static long nanosToUnits(long nanos) {
    long units =
        Math.max(0, nanos) / NANOS_PER_SECOND * 65536
            + (Math.max(0, nanos) % NANOS_PER_SECOND) * 65536 / NANOS_PER_SECOND;
    return Math.min(units, 0xFFFF_FFFFL);
  }

  /** 1/65536 s units as milliseconds. */
  public static double unitsToMillis(long units) {
    return units * 1000.0 / 65536;
  }

  /**
   * The round-trip time of RFC 3550 §6.4.1, {@code A - LSR - DLSR} in 1/65536 s, computed modulo
   * 2^32 so that it survives the middle word wrapping.
   *
   * @param arrivalMiddle32 the middle 32 bits of the NTP time the report block arrived (A)
   * @return the round trip in 1/65536 s, or -1 when the block carries no LSR or the result is
   *     negative (a peer's DLSR larger than the elapsed time); a result of -1 or -2 units is
   *     rounding from truncating A, LSR and DLSR on a very short path, and counts as 0
   */
  public static long roundTripUnits(
      long arrivalMiddle32, long lastSenderReport, long delaySinceLastSenderReport) {
    if (lastSenderReport == 0) {
      return -1;
    }
    int rtt = (int) (arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport);
    return rtt < -2 ? -1 : Math.max(0, rtt);
  }
}

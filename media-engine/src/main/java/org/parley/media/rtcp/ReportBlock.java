package org.parley.media.rtcp;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1): what a receiver saw of one source.
 *
 * @param ssrc the source this block reports on
 * @param fractionLost packets lost since the previous report, as a fraction of 256
 * @param cumulativeLost packets lost since reception began, a signed 24-bit value (duplicates can
 *     make it negative)
 * @param extendedHighestSequence the highest sequence number received, with 16 bits of cycles
 * @param interarrivalJitter the jitter estimate, in timestamp units
 * @param lastSenderReport the middle 32 bits of the last SR's NTP timestamp (LSR), 0 if none
 * @param delaySinceLastSenderReport the delay since that SR arrived (DLSR), in 1/65536 s
 */
public record ReportBlock(
    long ssrc,
    int fractionLost,
    int cumulativeLost,
    long extendedHighestSequence,
    long interarrivalJitter,
    long lastSenderReport,
    long delaySinceLastSenderReport) {

  /** Size of a block on the wire. */
  public static final int BYTES = 24;

  static final int MAX_CUMULATIVE_LOST = 0x7FFFFF;
  static final int MIN_CUMULATIVE_LOST = -0x800000;

  public ReportBlock {
    requireU32(ssrc, "SSRC");
    if (fractionLost < 0 || fractionLost > 255) {
      throw new IllegalArgumentException("fraction lost out of range 0-255: " + fractionLost);
    }
    if (cumulativeLost < MIN_CUMULATIVE_LOST || cumulativeLost > MAX_CUMULATIVE_LOST) {
      throw new IllegalArgumentException("cumulative lost is not 24-bit: " + cumulativeLost);
    }
    requireU32(extendedHighestSequence, "extended highest sequence");
    requireU32(interarrivalJitter, "jitter");
    requireU32(lastSenderReport, "LSR");
    requireU32(delaySinceLastSenderReport, "DLSR");
  }

  /** Clamps a loss count to the 24-bit signed field, as RFC 3550 Appendix A.3 asks. */
  public static int clampCumulativeLost(long lost) {
    return (int) Math.max(MIN_CUMULATIVE_LOST, Math.min(MAX_CUMULATIVE_LOST, lost));
  }

  static void requireU32(long value, String name) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(name + " out of 32-bit range: " + value);
    }
  }
}

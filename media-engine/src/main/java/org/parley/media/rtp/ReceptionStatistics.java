package org.parley.media.rtp;

import org.parley.media.rtcp.ReportBlock;

/**
 * What a receiver knows about one source (RFC 3550 Appendix A): sequence validation and extension
 * (A.1), expected and lost packets (A.3) and interarrival jitter (A.8). Not thread-safe.
 */
public final class ReceptionStatistics {

  static final int MAX_DROPOUT = 3000;
  static final int MAX_MISORDER = 100;
  static final int MIN_SEQUENTIAL = 2;
  static final int RTP_SEQ_MOD = 1 << 16;

  private final long ssrc;
  private final int clockRateHz;

  private int maxSeq;
  private long cycles;
  private int baseSeq;
  private int badSeq;
  private int probation;
  private long received;
  private long expectedPrior;
  private long receivedPrior;

  private boolean transitKnown;
  private long arrivalOriginNanos;
  private long transit;
  private double jitter;

  /** Starts in probation on the first packet's sequence number (A.1). */
  public ReceptionStatistics(long ssrc, int clockRateHz, int firstSequence) {
    this.ssrc = ssrc;
    this.clockRateHz = clockRateHz;
    initSequence(firstSequence);
    maxSeq = (firstSequence - 1) & 0xFFFF;
    probation = MIN_SEQUENTIAL;
  }

  public long ssrc() {
    return ssrc;
  }

  /**
   * Records one arriving packet.
   *
   * @param arrivalNanos the arrival time on the receiver's monotonic clock
   * @return whether the packet is valid by A.1 (false during probation and for a large jump that is
   *     not yet confirmed as a restart)
   */
  public boolean onPacket(int sequence, long rtpTimestamp, long arrivalNanos) {
    boolean valid = updateSequence(sequence);
    if (valid) {
      updateJitter(rtpTimestamp, arrivalNanos);
    }
    return valid;
  }

  private void initSequence(int sequence) {
    baseSeq = sequence;
    maxSeq = sequence;
    badSeq = RTP_SEQ_MOD + 1; // so that seq == badSeq is false
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
  }

  /** A.1's update_seq. Unlike the C text, max_seq + 1 is taken modulo 2^16 during probation. */
  private boolean updateSequence(int sequence) {
    int delta = (sequence - maxSeq) & 0xFFFF;
    if (probation > 0) {
      if (sequence == ((maxSeq + 1) & 0xFFFF)) {
        probation--;
        maxSeq = sequence;
        if (probation == 0) {
          initSequence(sequence);
          received++;
          return true;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = sequence;
      }
      return false;
    } else if (delta < MAX_DROPOUT) {
      if (sequence < maxSeq) {
        cycles += RTP_SEQ_MOD; // wrapped
      }
      maxSeq = sequence;
    } else if (delta <= RTP_SEQ_MOD - MAX_MISORDER) {
      // A very large jump: a restart if the next packet follows it, else ignore it.
      if (sequence == badSeq) {
        initSequence(sequence);
      } else {
        badSeq = (sequence + 1) & (RTP_SEQ_MOD - 1);
        return false;
      }
    }
    // Otherwise a duplicate or reordered packet: counted, max_seq unchanged.
    received++;
    return true;
  }

  /** A.8: J += (|D| - J) / 16, with transit times in timestamp units. */
  private void updateJitter(long rtpTimestamp, long arrivalNanos) {
    if (!transitKnown) {
      arrivalOriginNanos = arrivalNanos;
    }
    long arrivalUnits =
        Math.round((arrivalNanos - arrivalOriginNanos) / 1e9 * clockRateHz) & 0xFFFF_FFFFL;
    long newTransit = arrivalUnits - rtpTimestamp;
    if (transitKnown) {
      // 32-bit difference, so that a timestamp wrap does not look like a huge jump.
      long d = Math.abs((long) (int) (newTransit - transit));
      jitter += (d - jitter) / 16.0;
    }
    transit = newTransit;
    transitKnown = true;
  }

  /** Packets received and counted (A.1), duplicates included. */
  public long received() {
    return received;
  }

  /** The highest sequence number seen, with the wrap count in the high 16 bits. */
  public long extendedHighestSequence() {
    return cycles + maxSeq;
  }

  /** A.3: packets expected since the base sequence number. */
  public long expected() {
    return probation > 0 ? 0 : extendedHighestSequence() - baseSeq + 1;
  }

  /** A.3: expected minus received; duplicates can make it negative. */
  public long cumulativeLost() {
    return expected() - received;
  }

  /** The A.8 estimate in timestamp units. */
  public double jitterTimestampUnits() {
    return jitter;
  }

  /** The A.8 estimate in milliseconds at the stream's clock rate. */
  public double jitterMillis() {
    return jitter * 1000.0 / clockRateHz;
  }

  /**
   * The report block for this source; starts a new interval for the fraction lost (A.3).
   *
   * @param lastSenderReport LSR, the middle 32 bits of the last SR's NTP time, or 0
   * @param delaySinceLastSenderReport DLSR in 1/65536 s, or 0
   */
  public ReportBlock reportBlock(long lastSenderReport, long delaySinceLastSenderReport) {
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    expectedPrior = expected;
    long receivedInterval = received - receivedPrior;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    int fraction =
        expectedInterval == 0 || lostInterval <= 0
            ? 0
            : (int) ((lostInterval << 8) / expectedInterval);
    return new ReportBlock(
        ssrc,
        fraction,
        ReportBlock.clampCumulativeLost(cumulativeLost()),
        extendedHighestSequence() & 0xFFFF_FFFFL,
        Math.round(jitter) & 0xFFFF_FFFFL,
        lastSenderReport,
        delaySinceLastSenderReport);
  }
}

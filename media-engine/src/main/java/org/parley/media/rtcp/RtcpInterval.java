package org.parley.media.rtcp;

import java.util.random.RandomGenerator;

/**
 * The RTCP transmission interval of RFC 3550 §6.3.1 and Appendix A.7, without timer reconsideration
 * (a two-party call's membership does not change between reports).
 */
public final class RtcpInterval {

  /** The RFC's recommended minimum interval, in milliseconds. */
  public static final long DEFAULT_MINIMUM_MILLIS = 5000;

  /** e - 3/2: compensates for the randomisation converging below the intended bandwidth. */
  static final double COMPENSATION = Math.E - 1.5;

  private static final double SENDER_BANDWIDTH_FRACTION = 0.25;
  private static final double RECEIVER_BANDWIDTH_FRACTION = 1 - SENDER_BANDWIDTH_FRACTION;

  private RtcpInterval() {}

  /**
   * The deterministic interval Td of §6.3.1, in seconds, before randomisation.
   *
   * @param members participants in the session, this one included
   * @param senders participants that sent RTP in the last two intervals
   * @param rtcpBandwidthBytesPerSecond the RTCP share of the session bandwidth (5 % by default)
   * @param weSent whether this participant is a sender
   * @param averageRtcpBytes the running average compound RTCP size, UDP and IP headers included
   * @param initial whether no RTCP has been sent yet (the minimum is halved)
   * @param minimumSeconds the minimum interval: 5 s, or a reduced minimum (§6.2, RFC 4585)
   */
  public static double deterministicSeconds(
      int members,
      int senders,
      double rtcpBandwidthBytesPerSecond,
      boolean weSent,
      double averageRtcpBytes,
      boolean initial,
      double minimumSeconds) {
    double minimum = initial ? minimumSeconds / 2 : minimumSeconds;
    int n = members;
    double bandwidth = rtcpBandwidthBytesPerSecond;
    // When senders are few, they share a quarter of the RTCP bandwidth and receivers the rest.
    if (senders <= members * SENDER_BANDWIDTH_FRACTION) {
      if (weSent) {
        bandwidth *= SENDER_BANDWIDTH_FRACTION;
        n = senders;
      } else {
        bandwidth *= RECEIVER_BANDWIDTH_FRACTION;
        n -= senders;
      }
    }
    double interval = averageRtcpBytes * n / bandwidth;
    return Math.max(interval, minimum);
  }

  /**
   * The randomised interval: Td times a uniform factor in [0.5, 1.5), divided by e - 3/2, in
   * nanoseconds.
   */
  public static long randomisedNanos(double deterministicSeconds, RandomGenerator random) {
    double factor = 0.5 + random.nextDouble();
    return Math.round(deterministicSeconds * factor / COMPENSATION * 1e9);
  }
}

package org.parley.core.calllog;

/**
 * A call's audio quality summary as the media engine measured it (averages over the call, and the
 * worst MOS and jitter-buffer delay).
 *
 * @param meanMos the mean E-model MOS, 1..4.5
 * @param worstMos the lowest per-second MOS
 * @param lossPercent network packet loss over the call, in percent
 * @param jitterMillis mean interarrival jitter
 * @param roundTripMillis mean RTCP round trip, or -1 when none was measured
 * @param concealmentRatio concealed / played samples, 0..1
 * @param jitterBufferMillis the mean delay the jitter buffer held, or NaN when unknown (calls
 *     logged before the call log kept it)
 * @param worstJitterBufferMillis the highest jitter-buffer delay of the call, or NaN when unknown
 */
public record CallQuality(
    double meanMos,
    double worstMos,
    double lossPercent,
    double jitterMillis,
    double roundTripMillis,
    double concealmentRatio,
    double jitterBufferMillis,
    double worstJitterBufferMillis) {

  /** A summary without the jitter-buffer delay (NaN for both). */
  public CallQuality(
      double meanMos,
      double worstMos,
      double lossPercent,
      double jitterMillis,
      double roundTripMillis,
      double concealmentRatio) {
    this(
        meanMos,
        worstMos,
        lossPercent,
        jitterMillis,
        roundTripMillis,
        concealmentRatio,
        Double.NaN,
        Double.NaN);
  }
}

package org.parley.media.jitter;

/**
 * Tuning of {@link AdaptiveJitterBuffer}; {@link #DEFAULTS} suits voice over the Internet.
 *
 * @param minDelayMillis the target delay never goes below this
 * @param maxDelayMillis the target delay never goes above this
 * @param percentile the share of packets (0..1) the target delay should be early enough for
 * @param windowMillis how far back the delay histogram looks
 * @param baselineWindowMillis how far back the fastest packet (the zero of relative delay) is
 *     looked for; short, so that clock drift does not read as jitter
 * @param decayMillisPerSecond how fast the target may fall once jitter subsides
 * @param resyncMillis a packet whose timestamp disagrees with its arrival time by more than this
 *     (against the recent fastest packet) starts a new timeline
 */
public record JitterBufferSettings(
    int minDelayMillis,
    int maxDelayMillis,
    double percentile,
    int windowMillis,
    int baselineWindowMillis,
    int decayMillisPerSecond,
    int resyncMillis) {

  /** 40..400 ms, 95th percentile over 10 s, falling at most 10 ms per second. */
  public static final JitterBufferSettings DEFAULTS =
      new JitterBufferSettings(40, 400, 0.95, 10_000, 2_000, 10, 1_000);

  public JitterBufferSettings {
    if (minDelayMillis <= 0 || maxDelayMillis < minDelayMillis) {
      throw new IllegalArgumentException(
          "Need 0 < min <= max delay: " + minDelayMillis + ", " + maxDelayMillis);
    }
    if (percentile <= 0 || percentile >= 1) {
      throw new IllegalArgumentException("Percentile must be within (0, 1): " + percentile);
    }
    if (windowMillis <= 0 || baselineWindowMillis <= 0 || decayMillisPerSecond < 0) {
      throw new IllegalArgumentException("Windows must be positive, decay not negative");
    }
    if (resyncMillis <= maxDelayMillis) {
      throw new IllegalArgumentException("Resync threshold must exceed the maximum delay");
    }
  }
}

package org.parley.media.quality;

/**
 * What the quality monitor needs from a jitter buffer; the jitter buffer implements it.
 * Implementations must be safe to call from another thread.
 */
@FunctionalInterface
public interface JitterBufferStatistics {

  /** A buffer that reports nothing (no concealment, no delay): for streams without one. */
  JitterBufferStatistics NONE = () -> new Snapshot(0, 0, 0);

  /** The counters now. */
  Snapshot snapshot();

  /**
   * Cumulative play-out counters and the current delay.
   *
   * @param concealedSamples samples synthesised since the start because no packet was there in time
   *     (lost or late)
   * @param playedSamples all samples played out since the start, concealed ones included
   * @param currentDelayMillis how long a packet now waits in the buffer before play-out
   */
  record Snapshot(long concealedSamples, long playedSamples, double currentDelayMillis) {}
}

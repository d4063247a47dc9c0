package org.parley.media.quality;

/**
 * The play-out counters the quality monitor reads from a stream's jitter buffer (a narrow view of
 * {@code org.parley.media.jitter.JitterBufferStatistics}). Implementations must be safe to call
 * from another thread.
 */
@FunctionalInterface
public interface PlayoutCounters {

  /** A buffer that reports nothing (no concealment, no delay): for streams without one. */
  PlayoutCounters NONE = () -> new Snapshot(0, 0, 0);

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

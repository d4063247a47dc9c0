package org.parley.media.jitter;

import org.parley.media.codec.PitchSearch;

/**
 * Changes the playout delay without audible gaps by removing or repeating one pitch period of the
 * decoded audio (a simple WSOLA: the period is found by autocorrelation and the seam is
 * cross-faded). It only acts where the audio is periodic or quiet, unless forced.
 */
final class TimeScaler {

  private static final double MIN_CORRELATION = 0.5;
  // About -40 dBFS: below this a seam is inaudible whatever the correlation.
  private static final double QUIET_RMS = 330;

  private final int minLag;
  private final int maxLag;

  TimeScaler(int sampleRateHz) {
    minLag = sampleRateHz / 400; // 2.5 ms
    maxLag = sampleRateHz / 100; // 10 ms
  }

  /** Samples the queue must hold before {@link #compress} or {@link #expand} can act. */
  int neededSamples() {
    return 2 * maxLag;
  }

  /**
   * Removes one period, if it is at most {@code maxSamples} long, from the front of {@code queue};
   * returns how many samples went (0: none).
   */
  int compress(SampleQueue queue, boolean force, int maxSamples) {
    short[] x = findable(queue);
    int lag = x == null ? 0 : acceptableLag(x, force);
    if (lag == 0 || lag > maxSamples) {
      return 0;
    }
    short[] out = new short[lag];
    for (int i = 0; i < lag; i++) {
      double w = (i + 1.0) / (lag + 1.0);
      out[i] = (short) Math.round(x[i] * (1 - w) + x[i + lag] * w);
    }
    queue.replaceFront(2 * lag, out, lag);
    return lag;
  }

  /** Repeats one period at the front of {@code queue}; returns how many samples were added. */
  int expand(SampleQueue queue, boolean force) {
    short[] x = findable(queue);
    int lag = x == null ? 0 : acceptableLag(x, force);
    if (lag == 0) {
      return 0;
    }
    short[] out = new short[3 * lag];
    System.arraycopy(x, 0, out, 0, lag);
    for (int i = 0; i < lag; i++) {
      double w = (i + 1.0) / (lag + 1.0);
      out[lag + i] = (short) Math.round(x[lag + i] * (1 - w) + x[i] * w);
    }
    System.arraycopy(x, lag, out, 2 * lag, lag);
    queue.replaceFront(2 * lag, out, 3 * lag);
    return lag;
  }

  private short[] findable(SampleQueue queue) {
    return queue.size() < neededSamples() ? null : queue.peek(neededSamples());
  }

  private int acceptableLag(short[] x, boolean force) {
    PitchSearch.Match match = PitchSearch.bestLagAfter(x, 0, maxLag, minLag, maxLag);
    if (force || match.correlation() >= MIN_CORRELATION || rms(x) < QUIET_RMS) {
      return match.lagSamples();
    }
    return 0;
  }

  private static double rms(short[] x) {
    double sum = 0;
    for (short v : x) {
      sum += (double) v * v;
    }
    return Math.sqrt(sum / x.length);
  }
}

package org.parley.media.codec;

/**
 * Finds the period of voiced audio by normalised cross-correlation, for concealment (repeat a
 * period) and time-scale modification (drop or insert one).
 */
public final class PitchSearch {

  private PitchSearch() {}

  /**
   * Normalised cross-correlation of {@code x[a..a+length)} with {@code x[b..b+length)}, in -1..1; 0
   * when either segment is silent.
   */
  public static double correlation(short[] x, int a, int b, int length) {
    return correlation(x, a, x, b, length);
  }

  /**
   * Normalised cross-correlation of {@code x[a..a+length)} with {@code y[b..b+length)}, in -1..1; 0
   * when either segment is silent.
   */
  public static double correlation(short[] x, int a, short[] y, int b, int length) {
    long cross = 0;
    long energyA = 0;
    long energyB = 0;
    for (int i = 0; i < length; i++) {
      int va = x[a + i];
      int vb = y[b + i];
      cross += (long) va * vb;
      energyA += (long) va * va;
      energyB += (long) vb * vb;
    }
    if (energyA == 0 || energyB == 0) {
      return 0;
    }
    return cross / Math.sqrt((double) energyA * energyB);
  }

  /**
   * The lag in {@code minLag..maxLag} whose past best matches the most recent {@code window}
   * samples before {@code end}: {@code x[end-window..end)} against {@code x[end-window-lag..)}.
   * Needs {@code end >= window + maxLag}.
   */
  public static Match bestLagBefore(short[] x, int end, int window, int minLag, int maxLag) {
    return bestLag(x, end - window, -1, window, minLag, maxLag);
  }

  /**
   * The lag in {@code minLag..maxLag} at which {@code x[start..start+window)} repeats ahead:
   * against {@code x[start+lag..start+lag+window)}. Needs {@code x.length >= start+maxLag+window}.
   */
  public static Match bestLagAfter(short[] x, int start, int window, int minLag, int maxLag) {
    return bestLag(x, start, 1, window, minLag, maxLag);
  }

  private static Match bestLag(
      short[] x, int reference, int direction, int window, int minLag, int maxLag) {
    Match best = new Match(minLag, -2);
    for (int lag = minLag; lag <= maxLag; lag++) {
      double c = correlation(x, reference, reference + direction * lag, window);
      if (c > best.correlation()) {
        best = new Match(lag, c);
      }
    }
    return best;
  }

  /**
   * A candidate period.
   *
   * @param lagSamples the period in samples
   * @param correlation its normalised correlation, -1..1 (0 for silence)
   */
  public record Match(int lagSamples, double correlation) {}
}

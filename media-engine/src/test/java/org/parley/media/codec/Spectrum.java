package org.parley.media.codec;

/** Test-side signal analysis: Goertzel power, dominant frequency, RMS and sample-step checks. */
public final class Spectrum {

  private Spectrum() {}

  /** Power of {@code x[from..from+length)} at {@code frequencyHz} (Goertzel algorithm). */
  public static double power(short[] x, int from, int length, double frequencyHz, int rateHz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / rateHz);
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < length; i++) {
      double s0 = x[from + i] + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  }

  /**
   * The frequency, on a grid of {@code stepHz} from {@code lowHz} to {@code highHz}, with most
   * power.
   */
  public static double dominantFrequency(
      short[] x, int from, int length, int rateHz, double lowHz, double highHz, double stepHz) {
    double best = lowHz;
    double bestPower = -1;
    for (double f = lowHz; f <= highHz; f += stepHz) {
      double p = power(x, from, length, f, rateHz);
      if (p > bestPower) {
        bestPower = p;
        best = f;
      }
    }
    return best;
  }

  /** Which of {@code candidatesHz} has the most power in the segment. */
  public static double strongestOf(
      short[] x, int from, int length, int rateHz, double... candidatesHz) {
    double best = candidatesHz[0];
    double bestPower = -1;
    for (double f : candidatesHz) {
      double p = power(x, from, length, f, rateHz);
      if (p > bestPower) {
        bestPower = p;
        best = f;
      }
    }
    return best;
  }

  /** Root mean square of {@code x[from..from+length)}. */
  public static double rms(short[] x, int from, int length) {
    double sum = 0;
    for (int i = 0; i < length; i++) {
      sum += (double) x[from + i] * x[from + i];
    }
    return Math.sqrt(sum / length);
  }

  /** The largest absolute difference between neighbouring samples in {@code x[from..to)}. */
  public static int largestStep(short[] x, int from, int to) {
    int largest = 0;
    for (int i = Math.max(1, from); i < to; i++) {
      largest = Math.max(largest, Math.abs(x[i] - x[i - 1]));
    }
    return largest;
  }

  /** A sine of {@code length} samples starting at sample index {@code offset} of the tone. */
  public static short[] tone(
      double frequencyHz, int rateHz, double amplitude, long offset, int length) {
    short[] x = new short[length];
    for (int i = 0; i < length; i++) {
      double phase = 2 * Math.PI * frequencyHz * (offset + i) / rateHz;
      x[i] = (short) Math.round(Math.sin(phase) * amplitude * Short.MAX_VALUE);
    }
    return x;
  }
}

package org.parley.media.resample;

/**
 * Converts mono 16-bit PCM from one sample rate to another (8, 16, 44.1, 48 kHz and any other pair)
 * with a polyphase windowed-sinc filter.
 *
 * <p>The ratio is reduced to {@code up/down}; output sample {@code j} sits at input time {@code j *
 * down / up}, interpolated by a Blackman-Harris-windowed sinc whose cut-off is 90 % of the lower of
 * the two Nyquist rates (so downsampling does not alias; equal rates pass through delayed). The
 * filter is sampled at {@code up} phases in advance, so each output sample costs one dot product.
 *
 * <p>State carries over between calls: the last input samples are kept as filter history, so frames
 * join without clicks, and splitting the input differently gives the same output. The price is a
 * constant delay of {@link #delayInputSamples()} input samples. One instance per channel and
 * stream; not thread-safe.
 */
public final class PolyphaseResampler {

  /** Filter half-length in input samples when upsampling; longer when downsampling. */
  private static final int HALF_TAPS = 16;

  private static final double PASSBAND_FRACTION = 0.9;

  private final int inputRateHz;
  private final int outputRateHz;
  private final int up;
  private final int down;
  private final int taps;
  private final double[][] coefficients;
  private double[] buffer;

  /** Position of the next output sample past the first new input sample, in 1/up input samples. */
  private long nextPosition;

  public PolyphaseResampler(int inputRateHz, int outputRateHz) {
    if (inputRateHz <= 0 || outputRateHz <= 0) {
      throw new IllegalArgumentException(
          "Sample rates must be positive: " + inputRateHz + " -> " + outputRateHz);
    }
    this.inputRateHz = inputRateHz;
    this.outputRateHz = outputRateHz;
    int gcd = gcd(inputRateHz, outputRateHz);
    this.up = outputRateHz / gcd;
    this.down = inputRateHz / gcd;
    // Equal rates need no band limit: a cut-off of 1 makes the filter a pure delay.
    double cutoff = up == down ? 1.0 : PASSBAND_FRACTION * Math.min(1.0, (double) up / down);
    this.taps = 2 * (int) Math.ceil(HALF_TAPS / Math.min(1.0, (double) up / down));
    this.coefficients = design(up, taps, cutoff);
    this.buffer = new double[taps - 1];
  }

  public int inputRateHz() {
    return inputRateHz;
  }

  public int outputRateHz() {
    return outputRateHz;
  }

  /** How far the output lags the input, in input samples: half the filter length. */
  public int delayInputSamples() {
    return taps / 2;
  }

  /** The exact number of samples the next {@link #process} call gives for {@code inputCount}. */
  public int outputSamplesFor(int inputCount) {
    long end = (long) inputCount * up;
    return end <= nextPosition ? 0 : (int) ((end - nextPosition + down - 1) / down);
  }

  /**
   * Resamples {@code inputCount} samples.
   *
   * @param output room for at least {@link #outputSamplesFor outputSamplesFor(inputCount)} samples
   *     from {@code outputOffset}
   * @return the number of samples written
   */
  public int process(
      short[] input, int inputOffset, int inputCount, short[] output, int outputOffset) {
    int expected = outputSamplesFor(inputCount);
    if (output.length - outputOffset < expected) {
      throw new IllegalArgumentException(
          "Output needs room for " + expected + " samples, has " + (output.length - outputOffset));
    }
    int history = taps - 1;
    if (buffer.length < history + inputCount) {
      double[] grown = new double[history + inputCount];
      System.arraycopy(buffer, 0, grown, 0, history);
      buffer = grown;
    }
    for (int i = 0; i < inputCount; i++) {
      buffer[history + i] = input[inputOffset + i];
    }
    long end = (long) inputCount * up;
    int written = 0;
    while (nextPosition < end) {
      int base = (int) (nextPosition / up);
      double[] phase = coefficients[(int) (nextPosition % up)];
      double sum = 0;
      for (int k = 0; k < taps; k++) {
        sum += buffer[base + k] * phase[k];
      }
      output[outputOffset + written++] = clip(sum);
      nextPosition += down;
    }
    nextPosition -= end;
    System.arraycopy(buffer, inputCount, buffer, 0, history);
    return written;
  }

  /** Resamples a whole array; convenient for tests and one-shot conversions. */
  public short[] process(short[] input) {
    short[] output = new short[outputSamplesFor(input.length)];
    process(input, 0, input.length, output, 0);
    return output;
  }

  /** Forgets the history, as at construction. */
  public void reset() {
    java.util.Arrays.fill(buffer, 0);
    nextPosition = 0;
  }

  /**
   * Coefficient {@code k} of phase {@code p} weighs input sample {@code base - taps + 1 + k} for an
   * output at input time {@code base + p/up - taps/2}; each phase is normalised to a DC gain of 1.
   */
  private static double[][] design(int up, int taps, double cutoff) {
    double[][] table = new double[up][taps];
    double halfWidth = taps / 2.0;
    for (int p = 0; p < up; p++) {
      double sum = 0;
      for (int k = 0; k < taps; k++) {
        double tau = (double) p / up + halfWidth - 1 - k;
        double value = cutoff * sinc(cutoff * tau) * blackmanHarris(tau / halfWidth);
        table[p][k] = value;
        sum += value;
      }
      for (int k = 0; k < taps; k++) {
        table[p][k] /= sum;
      }
    }
    return table;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Four-term Blackman-Harris window on [-1, 1]: side lobes below -92 dB. */
  private static double blackmanHarris(double x) {
    if (Math.abs(x) >= 1) {
      return 0;
    }
    return 0.35875
        + 0.48829 * Math.cos(Math.PI * x)
        + 0.14128 * Math.cos(2 * Math.PI * x)
        + 0.01168 * Math.cos(3 * Math.PI * x);
  }

  private static short clip(double value) {
    long rounded = Math.round(value);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
  }

  private static int gcd(int a, int b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}

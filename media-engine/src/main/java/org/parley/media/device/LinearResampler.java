package org.parley.media.device;

/**
 * Converts mono PCM between two sample rates by linear interpolation, carrying its phase across
 * blocks; good enough for voice when a device cannot run at the call's rate.
 */
final class LinearResampler {

  /** Input samples per output sample. */
  private final double step;

  /** Where the next output falls, in input samples from the start of the next block (>= -1). */
  private double position;

  /** The last sample of the previous block, index -1 of the next. */
  private short previous;

  LinearResampler(int inputRateHz, int outputRateHz) {
    if (inputRateHz <= 0 || outputRateHz <= 0) {
      throw new IllegalArgumentException("rates must be positive");
    }
    this.step = (double) inputRateHz / outputRateHz;
  }

  /** The most outputs one call with {@code inputCount} samples can produce. */
  int maxOutput(int inputCount) {
    return (int) Math.ceil((inputCount + 1) / step) + 1;
  }

  /**
   * Resamples one block.
   *
   * @return how many samples were written to {@code out}
   */
  int process(short[] in, int inputCount, short[] out) {
    if (inputCount == 0) {
      return 0;
    }
    int produced = 0;
    while (position < inputCount - 1) {
      int index = (int) Math.floor(position);
      double fraction = position - index;
      int before = index < 0 ? previous : in[index];
      int after = in[index + 1];
      out[produced++] = (short) Math.round(before + (after - before) * fraction);
      position += step;
    }
    position -= inputCount;
    previous = in[inputCount - 1];
    return produced;
  }
}

package org.parley.bench;

import java.util.Random;

/** Inputs for the benchmarks: deterministic, and busier than a pure tone. */
final class Signals {

  private Signals() {}

  /** Three harmonics of a 180 Hz voice with a little noise, at about -12 dBFS. */
  static short[] speechLike(int samples, int sampleRateHz) {
    Random noise = new Random(42);
    short[] pcm = new short[samples];
    for (int i = 0; i < samples; i++) {
      double t = (double) i / sampleRateHz;
      double value =
          0.5 * Math.sin(2 * Math.PI * 180 * t)
              + 0.3 * Math.sin(2 * Math.PI * 360 * t)
              + 0.15 * Math.sin(2 * Math.PI * 720 * t)
              + 0.05 * noise.nextGaussian();
      pcm[i] = (short) Math.round(value * 8_000);
    }
    return pcm;
  }
}

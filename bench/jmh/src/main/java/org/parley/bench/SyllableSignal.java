package org.parley.bench;

import java.util.Random;

/**
 * A reproducible speech-like test signal: voiced syllables (a gliding pitch with formant-weighted
 * harmonics under a syllable-rate envelope), fricative noise bursts, word pauses and a noise floor.
 *
 * <p>Speech matters here because Opus picks SILK, hybrid or CELT frame by frame from what it hears,
 * and each costs differently: a steady tone would time one mode only. {@link StrictMath} keeps the
 * file bit-identical on every JVM, so a rerun elsewhere codes the same input.
 */
final class SyllableSignal {

  private static final double PEAK_FULL_SCALE = 0.5;
  private static final double NOISE_FLOOR_FULL_SCALE = 0.003;
  private static final double HIGHEST_HARMONIC_HZ = 7_000;

  private SyllableSignal() {}

  /** {@code seconds} of mono PCM at {@code sampleRateHz}, the same for the same {@code seed}. */
  static short[] generate(int seconds, int sampleRateHz, long seed) {
    Random random = new Random(seed);
    double[] signal = new double[seconds * sampleRateHz];
    int position = 0;
    while (position < signal.length) {
      int syllables = 2 + random.nextInt(5);
      for (int s = 0; s < syllables && position < signal.length; s++) {
        position = syllable(signal, position, sampleRateHz, random);
      }
      // A pause between words: 150-600 ms.
      position += (int) (sampleRateHz * (0.15 + 0.45 * random.nextDouble()));
    }
    short[] pcm = new short[signal.length];
    for (int i = 0; i < pcm.length; i++) {
      double value = signal[i] + NOISE_FLOOR_FULL_SCALE * random.nextGaussian();
      pcm[i] = (short) Math.max(-32_768, Math.min(32_767, Math.round(value * 32_767)));
    }
    return pcm;
  }

  /** Adds one syllable at {@code start}; returns where it ends. */
  private static int syllable(double[] signal, int start, int sampleRateHz, Random random) {
    int fricativeSamples =
        random.nextDouble() < 0.4 ? (int) (sampleRateHz * (0.03 + 0.05 * random.nextDouble())) : 0;
    double fricativeLevel = 0.05 + 0.1 * random.nextDouble();
    double previousNoise = 0;
    int end = Math.min(signal.length, start + fricativeSamples);
    for (int i = start; i < end; i++) {
      // A first difference of white noise: a hiss tilted to high frequencies, like /s/ or /f/.
      double noise = random.nextGaussian();
      signal[i] += fricativeLevel * (noise - previousNoise) * 0.5;
      previousNoise = noise;
    }
    return voiced(signal, end, sampleRateHz, random);
  }

  private static int voiced(double[] signal, int start, int sampleRateHz, Random random) {
    int length = (int) (sampleRateHz * (0.12 + 0.18 * random.nextDouble()));
    int end = Math.min(signal.length, start + length);
    double startPitchHz = 95 + 130 * random.nextDouble();
    double endPitchHz = startPitchHz * (0.8 + 0.4 * random.nextDouble());
    double firstFormantHz = 300 + 600 * random.nextDouble();
    double secondFormantHz = 900 + 1_600 * random.nextDouble();
    double level = PEAK_FULL_SCALE * (0.3 + 0.7 * random.nextDouble());
    int harmonics = (int) (HIGHEST_HARMONIC_HZ / Math.max(startPitchHz, endPitchHz));
    double[] weights = new double[harmonics + 1];
    double weightSum = 0;
    double meanPitchHz = (startPitchHz + endPitchHz) / 2;
    for (int k = 1; k <= harmonics; k++) {
      double frequencyHz = k * meanPitchHz;
      weights[k] =
          (1.0 / k)
              * (0.2
                  + bump(frequencyHz, firstFormantHz, 120)
                  + 0.6 * bump(frequencyHz, secondFormantHz, 200));
      weightSum += weights[k];
    }
    double phase = 0;
    for (int i = start; i < end; i++) {
      double progress = (double) (i - start) / length;
      double pitchHz = startPitchHz + (endPitchHz - startPitchHz) * progress;
      phase += 2 * Math.PI * pitchHz / sampleRateHz;
      double envelope = StrictMath.sin(Math.PI * progress);
      double sum = 0;
      for (int k = 1; k <= harmonics; k++) {
        sum += weights[k] * StrictMath.sin(k * phase);
      }
      signal[i] += level * envelope * envelope * sum / weightSum;
    }
    return end;
  }

  private static double bump(double frequencyHz, double centreHz, double widthHz) {
    double distance = (frequencyHz - centreHz) / widthHz;
    return StrictMath.exp(-distance * distance);
  }
}

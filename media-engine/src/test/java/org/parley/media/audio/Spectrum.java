package org.parley.media.audio;

/** Frequency and level checks for tests: Goertzel filters, dominant-frequency scans and RMS. */
public final class Spectrum {

  private Spectrum() {}

  /**
   * Amplitude of the {@code frequencyHz} component of {@code pcm[from, from + length)}, in sample
   * units (a full sine of peak A gives about A).
   */
  public static double amplitude(
      short[] pcm, int from, int length, int sampleRateHz, double frequencyHz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
    double previous = 0;
    double beforePrevious = 0;
    for (int i = from; i < from + length; i++) {
      double current = pcm[i] + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    double power =
        previous * previous
            + beforePrevious * beforePrevious
            - coefficient * previous * beforePrevious;
    return 2 * Math.sqrt(Math.max(0, power)) / length;
  }

  /**
   * The frequency, in {@code stepHz} steps from {@code minHz} to {@code maxHz}, that is loudest.
   */
  public static double dominantHz(
      short[] pcm,
      int from,
      int length,
      int sampleRateHz,
      double minHz,
      double maxHz,
      double stepHz) {
    double best = minHz;
    double bestAmplitude = -1;
    for (double f = minHz; f <= maxHz; f += stepHz) {
      double a = amplitude(pcm, from, length, sampleRateHz, f);
      if (a > bestAmplitude) {
        bestAmplitude = a;
        best = f;
      }
    }
    return best;
  }

  public static double rms(short[] pcm, int from, int length) {
    double sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    return Math.sqrt(sum / length);
  }

  /**
   * Consecutive tones of {@code segmentSamples} each, continuous in phase, at peak {@code
   * amplitude}.
   */
  public static short[] toneSequence(
      int sampleRateHz, int segmentSamples, double amplitude, double... frequenciesHz) {
    short[] pcm = new short[segmentSamples * frequenciesHz.length];
    double phase = 0;
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(amplitude * Math.sin(phase));
      phase += 2 * Math.PI * frequenciesHz[i / segmentSamples] / sampleRateHz;
    }
    return pcm;
  }

  /** Keeps every {@code channels}-th sample starting at {@code channel}. */
  public static short[] channel(short[] interleaved, int channels, int channel) {
    short[] out = new short[interleaved.length / channels];
    for (int i = 0; i < out.length; i++) {
      out[i] = interleaved[i * channels + channel];
    }
    return out;
  }
}

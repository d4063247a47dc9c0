package org.parley.media.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Signal analysis for tests: Goertzel amplitude and power, dominant-frequency scans, RMS, tone
 * generators and sample-step checks.
 */
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

  /**
   * The tones heard in {@code frames} frames of {@code frameSize} samples, in order: a tone counts
   * once it is the strongest of {@code tonesHz} in three frames running (quiet frames, under an RMS
   * of 500, break a run), and again only after a different one.
   */
  public static List<Double> toneRuns(
      short[] pcm, int frames, int frameSize, int rateHz, double... tonesHz) {
    List<Double> runs = new ArrayList<>();
    double current = 0;
    int length = 0;
    for (int f = 0; f < frames; f++) {
      double tone =
          rms(pcm, f * frameSize, frameSize) < 500
              ? 0
              : strongestOf(pcm, f * frameSize, frameSize, rateHz, tonesHz);
      length = tone == current ? length + 1 : 1;
      current = tone;
      if (length == 3 && tone != 0 && (runs.isEmpty() || runs.get(runs.size() - 1) != tone)) {
        runs.add(tone);
      }
    }
    return runs;
  }
}

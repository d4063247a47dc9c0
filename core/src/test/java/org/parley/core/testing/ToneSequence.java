package org.parley.core.testing;

import java.util.ArrayList;
import java.util.List;
import org.parley.media.audio.AudioSource;

/**
 * A source that plays distinct tones one after another, then silence; and the Goertzel check that
 * finds them again in what the other side heard.
 */
public final class ToneSequence implements AudioSource {

  public static final int RATE_HZ = 8000;
  public static final int SEGMENT_MILLIS = 300;
  private static final double PEAK = 12_000;

  private final double[] tonesHz;
  private final short[] pcm;
  private int position;

  public ToneSequence(double... tonesHz) {
    this.tonesHz = tonesHz.clone();
    int segment = RATE_HZ * SEGMENT_MILLIS / 1000;
    pcm = new short[segment * tonesHz.length];
    double phase = 0;
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(PEAK * Math.sin(phase));
      phase += 2 * Math.PI * tonesHz[i / segment] / RATE_HZ;
    }
  }

  public double[] tonesHz() {
    return tonesHz.clone();
  }

  @Override
  public int sampleRateHz() {
    return RATE_HZ;
  }

  @Override
  public synchronized int read(short[] frame) {
    for (int i = 0; i < frame.length; i++) {
      frame[i] = position < pcm.length ? pcm[position++] : 0;
    }
    return frame.length;
  }

  /**
   * The loudest frequency (300–1700 Hz in 100 Hz steps) in the middle of each segment, counted from
   * the first loud sound in {@code heard}.
   */
  public static List<Double> tonesIn(short[] heard, int rateHz, int count) {
    int window = rateHz / 50;
    int onset = 0;
    while (onset + window < heard.length && rms(heard, onset, window) < 1000) {
      onset += window / 4;
    }
    int segment = rateHz * SEGMENT_MILLIS / 1000;
    int probe = rateHz / 10;
    List<Double> tones = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int from = onset + k * segment + (segment - probe) / 2;
      if (from + probe > heard.length) {
        break;
      }
      tones.add(dominantHz(heard, from, probe, rateHz));
    }
    return tones;
  }

  /**
   * The tones in {@code heard} in the order they sound, found as runs rather than at fixed offsets:
   * the loudest frequency (as in {@link #tonesIn}) of each 40 ms window with sound, neighbouring
   * windows of one tone merged, runs under 120 ms dropped (tone edges, concealed losses), and a
   * tone that resumes after a gap counted once. A jitter buffer that stretches or cuts the
   * timeline, as a loaded machine makes it, moves the tones but does not change this list.
   */
  public static List<Double> toneRunsIn(short[] heard, int rateHz) {
    int window = rateHz / 25;
    List<Double> tones = new ArrayList<>();
    double current = 0;
    int windows = 0;
    for (int from = 0; from + window <= heard.length; from += window) {
      double tone = rms(heard, from, window) < 1000 ? 0 : dominantHz(heard, from, window, rateHz);
      if (tone != current) {
        addRun(tones, current, windows);
        current = tone;
        windows = 0;
      }
      windows++;
    }
    addRun(tones, current, windows);
    return tones;
  }

  private static void addRun(List<Double> tones, double toneHz, int windows) {
    boolean resumed = !tones.isEmpty() && tones.get(tones.size() - 1) == toneHz;
    if (toneHz > 0 && windows >= 3 && !resumed) {
      tones.add(toneHz);
    }
  }

  private static double dominantHz(short[] pcm, int from, int length, int rateHz) {
    double best = 0;
    double bestPower = -1;
    for (double f = 300; f <= 1700; f += 100) {
      double power = goertzelPower(pcm, from, length, rateHz, f);
      if (power > bestPower) {
        bestPower = power;
        best = f;
      }
    }
    return best;
  }

  private static double goertzelPower(short[] pcm, int from, int length, int rateHz, double hz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * hz / rateHz);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < from + length; i++) {
      double s0 = pcm[i] + coefficient * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  }

  private static double rms(short[] pcm, int from, int length) {
    double sum = 0;
    for (int i = from; i < from + length; i++) {
      sum += (double) pcm[i] * pcm[i];
    }
    return Math.sqrt(sum / length);
  }
}

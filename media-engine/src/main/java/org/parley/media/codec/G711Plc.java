package org.parley.media.codec;

/**
 * Packet loss concealment for G.711 by waveform repetition, after ITU-T G.711 Appendix I: the last
 * pitch period is repeated (then the last two, then three, so long gaps do not buzz), the loop
 * joins are overlap-added, the output is attenuated by 20% per 10 ms after the first 10 ms, so it
 * is silent after 60 ms, and the first real frame after a loss is cross-faded in.
 *
 * <p>Unlike Appendix I this adds no algorithmic delay: the join into the concealment is not
 * smoothed (the repeated period starts where the real signal would have continued), which costs at
 * most a sub-sample phase step. One instance serves one 8 kHz stream; not thread-safe.
 */
public final class G711Plc {

  static final int SAMPLES_PER_10_MS = 80;
  private static final int PITCH_MIN = 40; // 200 Hz
  private static final int PITCH_MAX = 120; // 66.7 Hz
  private static final int CORRELATION_WINDOW = 160; // 20 ms
  private static final int MAX_PERIODS = 3;
  // Three of the longest periods plus the overlap ahead of them: 48.75 ms, as in Appendix I.
  private static final int HISTORY = MAX_PERIODS * PITCH_MAX + PITCH_MAX / 4;
  private static final int SILENT_AFTER = 6 * SAMPLES_PER_10_MS;

  private final short[] history = new short[HISTORY];
  private final short[] source = new short[HISTORY];
  private int erasedSamples;
  private int pitch;
  private int overlap;
  private int periods;
  private int position;
  private boolean silentSource;

  /** Fills {@code pcm[0..sampleCount)} with concealment for samples that were lost. */
  public void conceal(short[] pcm, int sampleCount) {
    if (erasedSamples == 0) {
      startErasure();
    }
    for (int i = 0; i < sampleCount; i++) {
      pcm[i] = synthesise();
    }
    remember(pcm, sampleCount);
  }

  /**
   * Takes {@code pcm[0..sampleCount)} as decoded from a real packet: if it follows a concealment
   * its head is cross-faded from the synthetic signal into the real one, in place.
   */
  public void decoded(short[] pcm, int sampleCount) {
    if (erasedSamples > 0) {
      int erasedTens = erasedSamples / SAMPLES_PER_10_MS;
      // Longer erasures have drifted further from the real signal: fade in more slowly.
      int fade = Math.min(sampleCount, Math.min(overlap + 32 * erasedTens, SAMPLES_PER_10_MS));
      for (int i = 0; i < fade; i++) {
        double w = (i + 1.0) / (fade + 1.0);
        pcm[i] = clip(synthesise() * (1 - w) + pcm[i] * w);
      }
      erasedSamples = 0;
    }
    remember(pcm, sampleCount);
  }

  private void startErasure() {
    System.arraycopy(history, 0, source, 0, HISTORY);
    PitchSearch.Match match =
        PitchSearch.bestLagBefore(source, HISTORY, CORRELATION_WINDOW, PITCH_MIN, PITCH_MAX);
    silentSource = match.correlation() == 0 && isSilent(source);
    pitch = match.lagSamples();
    overlap = Math.max(1, pitch / 4);
    periods = 1;
    position = 0;
  }

  /** The next concealment sample, attenuated for how long the erasure has lasted. */
  private short synthesise() {
    if (erasedSamples > 0 && erasedSamples % SAMPLES_PER_10_MS == 0 && periods < MAX_PERIODS) {
      // Same source sample, one period further back in a longer cycle: no discontinuity.
      periods++;
      position += pitch;
    }
    double gain = gain(erasedSamples);
    erasedSamples++;
    if (silentSource || gain == 0) {
      advance();
      return 0;
    }
    double value = cycleSample(position);
    advance();
    return clip(value * gain);
  }

  private void advance() {
    position = (position + 1) % (periods * pitch);
  }

  /** Sample {@code pos} of the cycle of the last {@code periods} periods, its loop join blended. */
  private double cycleSample(int pos) {
    int cycle = periods * pitch;
    int start = HISTORY - cycle;
    double value = source[start + pos];
    int blendFrom = cycle - overlap;
    if (pos >= blendFrom) {
      // Fade towards the samples that precede the cycle's start, so the wrap-around is smooth.
      int k = pos - blendFrom;
      double w = (k + 1.0) / (overlap + 1.0);
      value = value * (1 - w) + source[start - overlap + k] * w;
    }
    return value;
  }

  private static double gain(int erased) {
    if (erased < SAMPLES_PER_10_MS) {
      return 1;
    }
    if (erased >= SILENT_AFTER) {
      return 0;
    }
    return 1 - 0.2 * (erased - SAMPLES_PER_10_MS) / SAMPLES_PER_10_MS;
  }

  private void remember(short[] pcm, int sampleCount) {
    int n = Math.min(sampleCount, HISTORY);
    System.arraycopy(history, n, history, 0, HISTORY - n);
    System.arraycopy(pcm, sampleCount - n, history, HISTORY - n, n);
  }

  private static boolean isSilent(short[] x) {
    for (short v : x) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static short clip(double value) {
    long rounded = Math.round(value);
    return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
  }
}

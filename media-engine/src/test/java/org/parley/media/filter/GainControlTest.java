package org.parley.media.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.parley.media.testing.Spectrum;

class GainControlTest {

  private static final int RATE = 8000;
  private static final int FRAME = 160;

  private final GainControl agc = new GainControl(RATE);

  /** Runs {@code seconds} of a tone at {@code amplitude} through the AGC; returns the output. */
  private short[] run(double hz, double amplitude, int seconds, long offsetSamples) {
    int frames = seconds * RATE / FRAME;
    short[] out = new short[frames * FRAME];
    for (int f = 0; f < frames; f++) {
      short[] frame = Spectrum.tone(hz, RATE, amplitude, offsetSamples + (long) f * FRAME, FRAME);
      agc.process(frame, FRAME);
      System.arraycopy(frame, 0, out, f * FRAME, FRAME);
    }
    return out;
  }

  private static double dbfs(short[] x, int from, int length) {
    return 20 * Math.log10(Spectrum.rms(x, from, length) / 32768);
  }

  @Test
  void aQuietToneIsRaisedTowardsTheTarget() {
    // 0.02 peak is about -37 dBFS RMS: 17 dB below the -20 dBFS target, inside the +20 dB range.
    short[] out = run(300, 0.02, 6, 0);

    assertThat(dbfs(out, 0, FRAME)).isLessThan(-35);
    assertThat(dbfs(out, out.length - RATE, RATE)).isCloseTo(-20, offset(1.0));
    assertThat(Spectrum.dominantFrequency(out, out.length - RATE, RATE, RATE, 100, 1000, 10))
        .isEqualTo(300.0);
  }

  @Test
  void aVeryQuietToneGetsNoMoreThanTheMaximumGain() {
    short[] out = run(300, 0.004, 8, 0); // about -51 dBFS: above the floor, needs 31 dB

    assertThat(agc.gainDb()).isCloseTo(20, offset(0.5));
    assertThat(dbfs(out, out.length - RATE, RATE)).isCloseTo(-51 + 20, offset(1.0));
  }

  @Test
  void aLoudToneIsLoweredQuicklyAndNeverClipped() {
    short[] out = run(440, 0.99, 2, 0);

    assertThat(Spectrum.largestStep(out, 0, out.length)).isPositive();
    for (short s : out) {
      assertThat(Math.abs((int) s)).isLessThan(32767);
    }
    // Within 100 ms the level is near the target.
    assertThat(dbfs(out, RATE / 10, FRAME)).isCloseTo(-20, offset(2.0));
  }

  @Test
  void aSuddenLoudSoundAfterAQuietPassageIsLimitedNotClipped() {
    run(300, 0.01, 5, 0); // gain climbs to the maximum
    assertThat(agc.gainDb()).isGreaterThan(15);
    short[] burst = Spectrum.tone(440, RATE, 0.5, 0, FRAME);
    short[] original = burst.clone();
    agc.process(burst, FRAME);

    int peak = 0;
    for (short s : burst) {
      peak = Math.max(peak, Math.abs((int) s));
    }
    assertThat(peak).isLessThan(32767).isGreaterThan(20000);
    // Scaled, not squashed: every sample keeps the sign and shape of the input.
    for (int i = 0; i < FRAME; i++) {
      assertThat(Integer.signum(burst[i])).isEqualTo(Integer.signum(original[i]));
    }
    assertThat(Spectrum.strongestOf(burst, 0, FRAME, RATE, 440, 1320)).isEqualTo(440.0);
  }

  @Test
  void silenceDoesNotPumpTheGainUp() {
    run(300, 0.3, 2, 0);
    double gainBefore = agc.gainDb();
    short[] silence = new short[FRAME];
    for (int i = 0; i < 200; i++) {
      agc.process(silence, FRAME);
    }

    assertThat(agc.gainDb()).isEqualTo(gainBefore);
    assertThat(silence).containsOnly((short) 0);
  }

  @Test
  void quietSpeechLikeSoundIsRaisedTowardsTheTargetWithoutClipping() {
    // Vowel-like: 150 Hz with harmonics, its loudness swinging at a 4 Hz syllable rate.
    int frames = 8 * RATE / FRAME;
    short[] out = new short[frames * FRAME];
    for (int f = 0; f < frames; f++) {
      short[] frame = new short[FRAME];
      for (int i = 0; i < FRAME; i++) {
        double t = (double) (f * FRAME + i) / RATE;
        double voice = Math.sin(2 * Math.PI * 150 * t) + 0.5 * Math.sin(2 * Math.PI * 300 * t);
        double syllables = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
        frame[i] = (short) Math.round(1000 * voice * syllables);
      }
      agc.process(frame, FRAME);
      System.arraycopy(frame, 0, out, f * FRAME, FRAME);
    }

    // The input is about -37 dBFS; after a few seconds it is within 4 dB of the -20 target.
    assertThat(dbfs(out, 0, RATE / 2)).isLessThan(-32);
    assertThat(dbfs(out, out.length - 2 * RATE, 2 * RATE)).isCloseTo(-20, offset(4.0));
    for (short s : out) {
      assertThat(Math.abs((int) s)).isLessThan(32767);
    }
  }
}

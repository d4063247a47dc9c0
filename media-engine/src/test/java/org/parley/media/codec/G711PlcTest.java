package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.testing.Spectrum;

class G711PlcTest {

  private static final int RATE = 8000;
  private static final int FRAME = 160;

  private final AudioEncoder encoder = G711Codec.PCMU.newEncoder();
  private final AudioDecoder decoder = G711Codec.PCMU.newDecoder();
  private final byte[] payload = new byte[FRAME];

  /** Sends {@code frames} frames of the tone through PCMU, starting at frame {@code first}. */
  private short[] play(double hz, int first, int frames) {
    short[] out = new short[frames * FRAME];
    short[] pcm = new short[FRAME];
    for (int f = 0; f < frames; f++) {
      short[] input = Spectrum.tone(hz, RATE, 0.5, (long) (first + f) * FRAME, FRAME);
      encoder.encode(input, 0, FRAME, payload);
      decoder.decode(payload, 0, FRAME, pcm);
      System.arraycopy(pcm, 0, out, f * FRAME, FRAME);
    }
    return out;
  }

  private short[] conceal(int samples) {
    short[] out = new short[samples];
    assertThat(decoder.conceal(out, samples)).isEqualTo(samples);
    return out;
  }

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(doubles = {300, 440, 625, 1000})
  void concealmentOfASteadyToneKeepsItsFrequency(double hz) {
    play(hz, 0, 10);
    short[] concealed = conceal(FRAME);

    double dominant = Spectrum.dominantFrequency(concealed, 0, FRAME, RATE, 200, 2000, 5);
    assertThat(dominant).isCloseTo(hz, org.assertj.core.data.Offset.offset(hz * 0.03));
    // The first 10 ms are not attenuated.
    assertThat(Spectrum.rms(concealed, 0, 80)).isGreaterThan(0.5 * Short.MAX_VALUE * 0.6);
  }

  @Test
  void longGapsFadeToSilence() {
    play(440, 0, 10);
    short[] concealed = conceal(100 * 8);

    double[] rmsPer10Ms = new double[10];
    for (int i = 0; i < 10; i++) {
      rmsPer10Ms[i] = Spectrum.rms(concealed, i * 80, 80);
    }
    for (int i = 2; i < 6; i++) {
      assertThat(rmsPer10Ms[i]).as("10 ms block %d", i).isLessThan(rmsPer10Ms[i - 1]);
    }
    assertThat(rmsPer10Ms[1]).isGreaterThan(1000);
    for (int i = 6; i < 10; i++) {
      assertThat(Arrays.copyOfRange(concealed, i * 80, i * 80 + 80)).containsOnly((short) 0);
    }
  }

  @Test
  void concealmentAcrossSeveralCallsContinuesTheSameWaveform() {
    play(500, 0, 10);
    short[] first = conceal(40);
    short[] second = conceal(40);
    short[] joined = new short[80];
    System.arraycopy(first, 0, joined, 0, 40);
    System.arraycopy(second, 0, joined, 40, 40);
    int cleanStep = Spectrum.largestStep(Spectrum.tone(500, RATE, 0.5, 0, 800), 0, 800);
    assertThat(Spectrum.largestStep(joined, 0, 80)).isLessThanOrEqualTo(cleanStep * 12 / 10);
  }

  @ParameterizedTest(name = "{0} ms lost")
  @ValueSource(ints = {20, 40, 80})
  void theFirstRealFrameAfterALossJoinsWithoutABigStep(int lostMillis) {
    double hz = 440;
    play(hz, 0, 10);
    short[] concealed = conceal(lostMillis * 8);
    int framesLost = lostMillis * 8 / FRAME;
    short[] after = play(hz, 10 + framesLost, 2);

    int cleanStep = Spectrum.largestStep(Spectrum.tone(hz, RATE, 0.5, 0, 800), 0, 800);
    short[] join = new short[2 + FRAME];
    join[0] = concealed[concealed.length - 2];
    join[1] = concealed[concealed.length - 1];
    System.arraycopy(after, 0, join, 2, FRAME);
    // A hard switch from a drifted (or faded) copy to the real tone could step by up to 2x the
    // amplitude; the cross-fade keeps every step near the tone's own largest step.
    assertThat(Spectrum.largestStep(join, 0, join.length)).isLessThanOrEqualTo(cleanStep * 3 / 2);
  }

  @Test
  void concealmentBeforeAnyAudioIsSilence() {
    assertThat(conceal(FRAME)).containsOnly((short) 0);
  }
}

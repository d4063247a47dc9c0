package org.parley.media.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.media.testing.Spectrum;

class PolyphaseResamplerTest {

  private static final double AMPLITUDE = 10_000;

  @ParameterizedTest(name = "{0} Hz -> {1} Hz")
  @CsvSource({
    "8000, 48000",
    "48000, 8000",
    "16000, 48000",
    "48000, 16000",
    "44100, 48000",
    "48000, 44100",
    "8000, 44100",
    "44100, 8000",
    "16000, 44100",
    "8000, 16000"
  })
  void aOneKilohertzToneKeepsItsFrequencyAndLevel(int inputRateHz, int outputRateHz) {
    PolyphaseResampler resampler = new PolyphaseResampler(inputRateHz, outputRateHz);
    short[] input = Spectrum.toneSequence(inputRateHz, inputRateHz / 2, AMPLITUDE, 1000);

    short[] output = resampler.process(input);

    // Skip the filter's start-up (delay plus a margin) and analyse 200 ms of steady state.
    int from = outputRateHz / 10;
    int length = outputRateHz / 5;
    assertThat(Spectrum.dominantHz(output, from, length, outputRateHz, 100, 3_900, 5))
        .isCloseTo(1000, within(5.0));
    assertThat(Spectrum.amplitude(output, from, length, outputRateHz, 1000))
        .isCloseTo(AMPLITUDE, within(AMPLITUDE * 0.01));
    // Everything else (images, aliases, filter ringing) is at least 60 dB below the tone.
    double rms = Spectrum.rms(output, from, length);
    double toneAmplitude = Spectrum.amplitude(output, from, length, outputRateHz, 1000);
    double residualRms = Math.sqrt(Math.max(0, rms * rms - toneAmplitude * toneAmplitude / 2));
    assertThat(residualRms).isLessThan(AMPLITUDE / Math.sqrt(2) / 1000);
  }

  @Test
  void outputCountMatchesTheRateRatioFrameByFrame() {
    PolyphaseResampler up = new PolyphaseResampler(8000, 48000);
    PolyphaseResampler down = new PolyphaseResampler(44100, 48000);
    short[] out = new short[2000];
    for (int frame = 0; frame < 50; frame++) {
      assertThat(up.process(new short[160], 0, 160, out, 0)).isEqualTo(960);
      assertThat(down.process(new short[441], 0, 441, out, 0)).isEqualTo(480);
    }
  }

  @Test
  void splittingTheInputAnywhereGivesTheSameOutput() {
    short[] input = Spectrum.toneSequence(44100, 4410, AMPLITUDE, 440, 1000, 3000);
    short[] whole = new PolyphaseResampler(44100, 16000).process(input);

    PolyphaseResampler chunked = new PolyphaseResampler(44100, 16000);
    short[] pieces = new short[whole.length];
    int written = 0;
    int offset = 0;
    int[] sizes = {1, 2, 3, 441, 7, 882, 13, 1000, 160};
    for (int i = 0; offset < input.length; i++) {
      int size = Math.min(sizes[i % sizes.length], input.length - offset);
      written += chunked.process(input, offset, size, pieces, written);
      offset += size;
    }

    assertThat(written).isEqualTo(whole.length);
    assertThat(pieces).isEqualTo(whole);
  }

  @Test
  void frameBordersAddNoClick() {
    // A tone's largest sample-to-sample step is 2*pi*f/fs times its peak; a click would exceed it.
    PolyphaseResampler resampler = new PolyphaseResampler(16000, 48000);
    short[] input = Spectrum.toneSequence(16000, 16000, AMPLITUDE, 1000);
    short[] output = new short[48000];
    int written = 0;
    for (int offset = 0; offset < input.length; offset += 320) {
      written += resampler.process(input, offset, 320, output, written);
    }
    double maxStep = 2 * Math.PI * 1000 / 48000 * AMPLITUDE;
    int settled = resampler.delayInputSamples() * 3 + 48;
    for (int i = settled; i < written; i++) {
      assertThat((double) Math.abs(output[i] - output[i - 1]))
          .as("step at output sample %d", i)
          .isLessThanOrEqualTo(maxStep * 1.02);
    }
  }

  @Test
  void downsamplingRemovesToneAboveTheNewNyquistInsteadOfAliasingIt() {
    // 6 kHz at 48 kHz would alias to 2 kHz at 8 kHz if not filtered out.
    short[] input = Spectrum.toneSequence(48000, 24000, AMPLITUDE, 6000);
    short[] output = new PolyphaseResampler(48000, 8000).process(input);

    double aliasAmplitude = Spectrum.amplitude(output, 800, 2400, 8000, 2000);
    assertThat(aliasAmplitude).isLessThan(AMPLITUDE / 1000); // below -60 dB
    assertThat(Spectrum.rms(output, 800, 2400)).isLessThan(AMPLITUDE / 1000);
  }

  @Test
  void outputLagsByTheAnnouncedDelay() {
    short[] impulse = new short[800];
    impulse[100] = 16000;
    PolyphaseResampler resampler = new PolyphaseResampler(8000, 16000);
    short[] output = resampler.process(impulse);

    int peak = 0;
    for (int i = 1; i < output.length; i++) {
      if (Math.abs(output[i]) > Math.abs(output[peak])) {
        peak = i;
      }
    }
    assertThat(peak).isEqualTo(2 * (100 + resampler.delayInputSamples()));
  }

  @Test
  void resetForgetsTheHistory() {
    PolyphaseResampler resampler = new PolyphaseResampler(8000, 48000);
    short[] tone = Spectrum.toneSequence(8000, 800, AMPLITUDE, 1000);
    short[] first = resampler.process(tone);
    resampler.process(tone);
    resampler.reset();
    assertThat(resampler.process(tone)).isEqualTo(first);
  }

  @Test
  void rejectsAnOutputBufferThatIsTooSmall() {
    PolyphaseResampler resampler = new PolyphaseResampler(8000, 48000);
    assertThatThrownBy(() -> resampler.process(new short[160], 0, 160, new short[959], 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("960");
  }

  @Test
  void equalRatesPassSamplesThroughDelayed() {
    PolyphaseResampler resampler = new PolyphaseResampler(16000, 16000);
    short[] input = Spectrum.toneSequence(16000, 1600, AMPLITUDE, 700);
    short[] output = resampler.process(input);
    int delay = resampler.delayInputSamples();
    short[] expected = Arrays.copyOfRange(input, 0, input.length - delay);
    short[] shifted = Arrays.copyOfRange(output, delay, output.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat((int) shifted[i]).isCloseTo(expected[i], within(2));
    }
  }
}

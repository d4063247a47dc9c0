package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.media.source.ToneSource;

class LinearResamplerTest {

  @Test
  void downsamplingKeepsTheToneAndTheDurationAcrossBlocks() {
    short[] output = resample(48_000, 16_000, 1000, 960, 50);

    assertThat(output.length).isBetween(16_000 - 1, 16_000);
    // A 1 kHz tone crosses zero 2000 times a second.
    assertThat(zeroCrossings(output)).isBetween(1995, 2001);
  }

  @Test
  void upsamplingKeepsTheToneAndTheDuration() {
    short[] output = resample(8000, 48_000, 440, 160, 50);

    assertThat(output.length).isBetween(48_000 - 6, 48_000);
    assertThat(zeroCrossings(output)).isBetween(876, 881);
  }

  @Test
  void interpolatesBetweenSamples() {
    LinearResampler resampler = new LinearResampler(1, 2);
    short[] out = new short[resampler.maxOutput(3)];

    int produced = resampler.process(new short[] {0, 100, 200}, 3, out);

    assertThat(Arrays.copyOf(out, produced)).containsExactly(0, 50, 100, 150);
  }

  private static short[] resample(int inHz, int outHz, double toneHz, int block, int blocks) {
    LinearResampler resampler = new LinearResampler(inHz, outHz);
    ToneSource tone = new ToneSource(toneHz, inHz, 0.5);
    short[] input = new short[block];
    short[] all = new short[0];
    for (int i = 0; i < blocks; i++) {
      tone.read(input);
      short[] out = new short[resampler.maxOutput(block)];
      int produced = resampler.process(input, block, out);
      int start = all.length;
      all = Arrays.copyOf(all, start + produced);
      System.arraycopy(out, 0, all, start, produced);
    }
    return all;
  }

  private static int zeroCrossings(short[] samples) {
    int crossings = 0;
    for (int i = 1; i < samples.length; i++) {
      if ((samples[i - 1] < 0) != (samples[i] < 0)) {
        crossings++;
      }
    }
    return crossings;
  }
}

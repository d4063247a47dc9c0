package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyllableSignalTest {

  private static final int RATE_HZ = 48_000;
  private static final int WINDOW = RATE_HZ / 50;

  @Test
  void theSameSeedGivesTheSameSamplesAndAnotherSeedOthers() {
    assertThat(SyllableSignal.generate(2, RATE_HZ, 7))
        .isEqualTo(SyllableSignal.generate(2, RATE_HZ, 7))
        .isNotEqualTo(SyllableSignal.generate(2, RATE_HZ, 8));
  }

  @Test
  void alternatesSyllablesWithPausesLikeSpeech() {
    short[] pcm = SyllableSignal.generate(10, RATE_HZ, 20_261_122L);
    int pauses = 0;
    int loud = 0;
    double peak = 0;
    for (int start = 0; start + WINDOW <= pcm.length; start += WINDOW) {
      double sum = 0;
      for (int i = start; i < start + WINDOW; i++) {
        sum += (double) pcm[i] * pcm[i];
        peak = Math.max(peak, Math.abs(pcm[i]));
      }
      double dbfs = 10 * Math.log10(sum / WINDOW / (32_768.0 * 32_768.0) + 1e-12);
      pauses += dbfs < -45 ? 1 : 0;
      loud += dbfs > -25 ? 1 : 0;
    }
    int windows = pcm.length / WINDOW;
    // Speech has both: a tenth or more of its 20 ms windows in pauses, a tenth or more loud.
    assertThat(pauses).isGreaterThan(windows / 10);
    assertThat(loud).isGreaterThan(windows / 10);
    assertThat(peak).isLessThan(32_767);
  }
}

package org.parley.media.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToneSourceTest {

  @Test
  void oneSecondOfA440HzToneCrosses880TimesThroughZero() {
    ToneSource tone = new ToneSource(440, 8000, 0.5);
    short[] second = new short[8000];
    // Read in 20 ms frames, as a call would, to check phase continuity across frames.
    short[] frame = new short[160];
    for (int offset = 0; offset < second.length; offset += frame.length) {
      tone.read(frame);
      System.arraycopy(frame, 0, second, offset, frame.length);
    }

    int crossings = 0;
    for (int i = 1; i < second.length; i++) {
      if ((second[i - 1] < 0) != (second[i] < 0)) {
        crossings++;
      }
    }
    assertThat(crossings).isBetween(878, 881);
  }

  @Test
  void amplitudeSetsThePeak() {
    ToneSource tone = new ToneSource(1000, 8000, 0.25);
    short[] frame = new short[800];
    tone.read(frame);

    int peak = 0;
    for (short sample : frame) {
      peak = Math.max(peak, Math.abs(sample));
    }
    assertThat(peak).isBetween(8000, 8192);
  }

  @Test
  void refusesAToneAboveNyquist() {
    assertThatThrownBy(() -> new ToneSource(5000, 8000, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000");
  }
}

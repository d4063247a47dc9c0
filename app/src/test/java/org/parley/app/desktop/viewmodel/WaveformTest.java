package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WaveformTest {

  @Test
  void eachSliceHoldsItsOwnPeak() {
    short[] pcm = new short[1000];
    pcm[10] = 16384; // slice 0
    pcm[260] = -32768; // slice 1
    pcm[999] = 8192; // slice 3; slice 2 stays silent

    double[] peaks = Waveform.peaks(pcm, 4);

    assertThat(peaks[0]).isCloseTo(0.5, within(1e-9));
    assertThat(peaks[1]).isCloseTo(1.0, within(1e-9));
    assertThat(peaks[2]).isZero();
    assertThat(peaks[3]).isCloseTo(0.25, within(1e-9));
  }

  @Test
  void moreSlicesThanSamplesRepeatTheSamples() {
    double[] peaks = Waveform.peaks(new short[] {0, 32767}, 4);
    assertThat(peaks).containsExactly(0, 0, 32767 / 32768.0, 32767 / 32768.0);
  }

  @Test
  void anEmptyRecordingIsFlat() {
    assertThat(Waveform.peaks(new short[0], 3)).containsExactly(0, 0, 0);
  }
}

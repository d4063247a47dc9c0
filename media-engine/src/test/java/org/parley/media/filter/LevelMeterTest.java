package org.parley.media.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.media.testing.Spectrum;

class LevelMeterTest {

  private final LevelMeter meter = new LevelMeter();

  @Test
  void aFullScaleSineReadsMinusThreeDbRmsAndZeroPeak() {
    short[] sine = Spectrum.tone(1000, 8000, 1.0, 1, 160);
    meter.process(sine, sine.length);

    assertThat(meter.level().rmsDbfs()).isCloseTo(-3.01, offset(0.05));
    assertThat(meter.level().peakDbfs()).isCloseTo(0.0, offset(0.01));
  }

  @Test
  void aHalfScaleSquareReadsMinusSixDb() {
    short[] square = new short[160];
    for (int i = 0; i < square.length; i++) {
      square[i] = (short) (i % 8 < 4 ? 16384 : -16384);
    }
    meter.process(square, square.length);

    assertThat(meter.level().rmsDbfs()).isCloseTo(-6.02, offset(0.01));
    assertThat(meter.level().peakDbfs()).isCloseTo(-6.02, offset(0.01));
  }

  @Test
  void silenceReadsTheFloorAndTheAudioIsUntouched() {
    short[] tone = Spectrum.tone(440, 8000, 0.3, 0, 160);
    short[] copy = tone.clone();
    meter.process(tone, tone.length);
    assertThat(tone).isEqualTo(copy);

    meter.process(new short[160], 160);
    assertThat(meter.level()).isEqualTo(AudioLevel.SILENCE);
    assertThat(meter.level().rmsDbfs()).isEqualTo(-96.0);
  }

  @Test
  void onlyTheGivenSampleCountIsMeasured() {
    short[] frame = new short[320];
    Arrays.fill(frame, 160, 320, Short.MAX_VALUE);

    assertThat(LevelMeter.measure(frame, 160)).isEqualTo(AudioLevel.SILENCE);
  }

  @Test
  void aChainRunsItsFiltersInOrder() {
    StringBuilder order = new StringBuilder();
    FilterChain chain =
        FilterChain.of((f, n) -> order.append('a'), (f, n) -> order.append('b'), meter);
    short[] tone = Spectrum.tone(440, 8000, 0.5, 0, 160);
    chain.process(tone, 160);

    assertThat(order).hasToString("ab");
    assertThat(meter.level().peakDbfs()).isCloseTo(-6.02, offset(0.1));
    chain.reset();
    assertThat(meter.level()).isEqualTo(AudioLevel.SILENCE);
  }
}

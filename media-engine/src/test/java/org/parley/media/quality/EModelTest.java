package org.parley.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EModelTest {

  static final double EPSILON = 1e-6;

  @Test
  void g711WithNoLossOrDelayRatesTheDefaultR() {
    assertThat(EModel.rFactor(CodecImpairment.G711, 0, 0)).isCloseTo(93.2, within(EPSILON));
    // 1 + 0.035 * 93.2 + 93.2 * 33.2 * 6.8 * 7e-6 = 1 + 3.262 + 0.147285824
    assertThat(EModel.mos(93.2)).isCloseTo(4.409285824, within(EPSILON));
  }

  @Test
  void delayImpairmentIsLinearThenSteeperPastTheKnee() {
    assertThat(EModel.delayImpairment(150)).isCloseTo(3.6, within(EPSILON)); // 0.024 * 150
    assertThat(EModel.delayImpairment(177.3)).isCloseTo(4.2552, within(EPSILON));
    // 0.024 * 200 + 0.11 * (200 - 177.3) = 4.8 + 2.497
    assertThat(EModel.delayImpairment(200)).isCloseTo(7.297, within(EPSILON));
  }

  @Test
  void lossImpairmentDependsOnConcealment() {
    // 95 * 2 / (2 + 25.1) = 7.011070...; without PLC 95 * 2 / (2 + 4.3) = 30.158730...
    assertThat(EModel.effectiveEquipmentImpairment(CodecImpairment.G711_PLC, 2))
        .isCloseTo(7.0110701, within(EPSILON));
    assertThat(EModel.effectiveEquipmentImpairment(CodecImpairment.G711, 2))
        .isCloseTo(30.1587302, within(EPSILON));
    // Ie + (95 - Ie) * Ppl / (Ppl + Bpl) with Ie = 11, Bpl = 19, Ppl = 1: 11 + 84 / 20 = 15.2
    assertThat(EModel.effectiveEquipmentImpairment(new CodecImpairment("G.729A", 11, 19), 1))
        .isCloseTo(15.2, within(EPSILON));
  }

  @Test
  void lossAndDelayCombine() {
    // 93.2 - 7.297 - 7.0110701 = 78.8919299; MOS = 1 + 2.7612175 + 0.2202194 = 3.9814369
    double r = EModel.rFactor(CodecImpairment.G711_PLC, 200, 2);
    assertThat(r).isCloseTo(78.8919299, within(EPSILON));
    assertThat(EModel.mos(r)).isCloseTo(3.9814369, within(EPSILON));
  }

  @Test
  void mosFollowsTheCubicAndIsClamped() {
    assertThat(EModel.mos(50)).isCloseTo(2.575, within(EPSILON)); // 1 + 1.75 - 0.175
    assertThat(EModel.mos(3)).isEqualTo(1.0); // the cubic gives 0.988891
    assertThat(EModel.mos(-10)).isEqualTo(1.0);
    assertThat(EModel.mos(100)).isEqualTo(4.5);
    assertThat(EModel.mos(120)).isEqualTo(4.5);
  }

  @Test
  void qualityFallsMonotonicallyWithLossAndWithDelay() {
    double previous = Double.MAX_VALUE;
    for (double loss = 0; loss <= 30; loss += 0.5) {
      double mos = EModel.mos(EModel.rFactor(CodecImpairment.G711_PLC, 50, loss));
      assertThat(mos).as("loss %s", loss).isLessThan(previous);
      previous = mos;
    }
    previous = Double.MAX_VALUE;
    for (double delay = 0; delay <= 500; delay += 10) {
      double r = EModel.rFactor(CodecImpairment.G711_PLC, delay, 1);
      assertThat(r).as("delay %s", delay).isLessThan(previous);
      previous = r;
    }
  }

  @Test
  void mouthToEarIsHalfTheRoundTripPlusBufferPlusPacket() {
    assertThat(EModel.mouthToEarDelayMillis(40, 60, 20)).isEqualTo(100.0);
    assertThat(EModel.mouthToEarDelayMillis(-1, 60, 20)).isEqualTo(80.0); // no RTT yet
  }
}

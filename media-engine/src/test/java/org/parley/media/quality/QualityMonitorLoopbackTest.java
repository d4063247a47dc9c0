package org.parley.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.media.rtp.MediaClock;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.testing.ImpairmentRelay.Impairments;
import org.parley.media.testing.RelayedStream;

/** The monitor fed by a real session receiving through the impairment relay. */
class QualityMonitorLoopbackTest {

  static QualitySample sampleAfter(RelayedStream stream, int packets) throws Exception {
    QualityMonitor monitor =
        new QualityMonitor(
            CodecImpairment.G711_PLC,
            20,
            stream.receiver()::statistics,
            PlayoutCounters.NONE,
            MediaClock.system(),
            sample -> {});
    stream.sendInBursts(packets, 50);
    return monitor.sample();
  }

  @Test
  void aCleanPathRatesNearTheTopOfTheScale() throws Exception {
    try (RelayedStream stream = RelayedStream.open(Impairments.NONE, 1)) {
      QualitySample sample = sampleAfter(stream, 250);

      assertThat(sample.lossPercent()).isZero();
      // No RTT yet and no jitter buffer: d = 20 ms of packetisation, Id = 0.48, R = 92.72.
      assertThat(sample.rFactor()).isCloseTo(92.72, within(1e-9));
      assertThat(sample.mos()).isGreaterThan(4.39);
    }
  }

  @Test
  void lossOnThePathShowsInTheSampleAndLowersTheScore() throws Exception {
    try (RelayedStream stream = RelayedStream.open(Impairments.NONE.withLoss(0.10), 5)) {
      QualitySample sample = sampleAfter(stream, 500);
      RtpStreamStatistics rtp = stream.receiver().statistics();

      assertThat(sample.lossPercent())
          .isCloseTo(100.0 * rtp.cumulativeLost() / rtp.packetsExpected(), within(1e-9))
          .isCloseTo(10.0, within(4.0));
      assertThat(sample.rFactor())
          .isCloseTo(
              EModel.rFactor(CodecImpairment.G711_PLC, 20, sample.lossPercent()), within(1e-9));
      assertThat(sample.mos()).isLessThan(3.9);
    }
  }
}

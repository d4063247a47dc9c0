package org.parley.media.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.testing.ManualMediaClock;

class QualityMonitorTest {

  static final double EPSILON = 1e-6;

  final ManualMediaClock clock = new ManualMediaClock(0);
  final AtomicReference<RtpStreamStatistics> rtp = new AtomicReference<>(rtp(0, 0, 0, -1));
  final AtomicReference<PlayoutCounters.Snapshot> buffer =
      new AtomicReference<>(new PlayoutCounters.Snapshot(0, 0, 60));
  final BlockingQueue<QualitySample> delivered = new LinkedBlockingQueue<>();
  final QualityMonitor monitor =
      new QualityMonitor(
          CodecImpairment.G711_PLC, 20, rtp::get, buffer::get, clock, delivered::add);

  static RtpStreamStatistics rtp(long expected, long lost, double jitterMillis, double rttMillis) {
    return new RtpStreamStatistics(
        expected - lost, expected, lost, jitterMillis, rttMillis, 0, 0, -1, 0, 0, 0);
  }

  @Test
  void aSampleCombinesIntervalLossDelayAndTheEModel() {
    clock.advanceMillis(1000);
    rtp.set(rtp(50, 1, 3.5, 40));
    buffer.set(new PlayoutCounters.Snapshot(160, 8000, 60));

    QualitySample sample = monitor.sample();

    assertThat(sample.elapsedMillis()).isEqualTo(1000);
    assertThat(sample.lossPercent()).isCloseTo(2.0, within(EPSILON)); // 1 of 50
    assertThat(sample.concealmentRatio()).isCloseTo(0.02, within(EPSILON)); // 160 of 8000
    assertThat(sample.jitterMillis()).isEqualTo(3.5);
    assertThat(sample.roundTripMillis()).isEqualTo(40);
    // 40 / 2 + 60 + 20 = 100 ms: Id = 2.4; Ie,eff = 95 * 2 / 27.1 = 7.0110701
    assertThat(sample.oneWayDelayMillis()).isEqualTo(100.0);
    assertThat(sample.rFactor()).isCloseTo(93.2 - 2.4 - 7.0110701, within(EPSILON));
    assertThat(sample.mos()).isCloseTo(4.1588014, within(EPSILON));
  }

  @Test
  void lossIsPerIntervalNotCumulative() {
    rtp.set(rtp(50, 5, 0, -1));
    monitor.sample();
    rtp.set(rtp(100, 5, 0, -1)); // nothing lost in the second interval

    assertThat(monitor.sample().lossPercent()).isZero();
  }

  @Test
  void concealmentAboveNetworkLossDrivesTheRating() {
    // No network loss, but 5 % of the play-out concealed (late packets): Ppl = 5.
    rtp.set(rtp(50, 0, 0, 40));
    buffer.set(new PlayoutCounters.Snapshot(400, 8000, 60));

    QualitySample sample = monitor.sample();

    // 93.2 - 2.4 - 95 * 5 / 30.1 = 93.2 - 2.4 - 15.7807309 = 75.0192691
    assertThat(sample.rFactor()).isCloseTo(75.0192691, within(EPSILON));
  }

  @Test
  void theSummaryHasAveragesAndWorstValues() {
    rtp.set(rtp(50, 0, 2, 40));
    buffer.set(new PlayoutCounters.Snapshot(0, 8000, 60));
    QualitySample good = monitor.sample();
    rtp.set(rtp(100, 5, 6, 60));
    buffer.set(new PlayoutCounters.Snapshot(800, 16000, 100));
    QualitySample bad = monitor.sample();

    QualitySummary summary = monitor.summary();

    assertThat(summary.samples()).isEqualTo(2);
    assertThat(summary.overallLossPercent()).isCloseTo(5.0, within(EPSILON)); // 5 of 100
    assertThat(summary.meanLossPercent()).isCloseTo(5.0, within(EPSILON)); // (0 + 10) / 2
    assertThat(summary.worstLossPercent()).isCloseTo(10.0, within(EPSILON));
    assertThat(summary.meanJitterMillis()).isCloseTo(4.0, within(EPSILON));
    assertThat(summary.worstJitterMillis()).isEqualTo(6.0);
    assertThat(summary.meanRoundTripMillis()).isCloseTo(50.0, within(EPSILON));
    assertThat(summary.worstRoundTripMillis()).isEqualTo(60.0);
    assertThat(summary.worstConcealmentRatio()).isCloseTo(0.1, within(EPSILON));
    assertThat(summary.worstMos()).isEqualTo(bad.mos()).isLessThan(good.mos());
    assertThat(summary.meanMos()).isCloseTo((good.mos() + bad.mos()) / 2, within(EPSILON));
    assertThat(summary.meanJitterBufferDelayMillis()).isCloseTo(80.0, within(EPSILON));
    assertThat(summary.worstJitterBufferDelayMillis()).isEqualTo(100.0);
  }

  @Test
  void samplesAreDeliveredOnTheSchedule() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      monitor.start(scheduler, Duration.ofMillis(20));
      for (int i = 0; i < 3; i++) {
        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isNotNull();
      }
      monitor.close();
      assertThat(monitor.summary().samples()).isGreaterThanOrEqualTo(3);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void aFailingListenerDoesNotStopTheSchedule() throws Exception {
    BlockingQueue<Integer> calls = new LinkedBlockingQueue<>();
    QualityMonitor failing =
        new QualityMonitor(
            CodecImpairment.G711,
            20,
            rtp::get,
            PlayoutCounters.NONE,
            clock,
            sample -> {
              calls.add(1);
              throw new IllegalStateException("listener bug");
            });
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      failing.start(scheduler, Duration.ofMillis(10));
      assertThat(calls.poll(5, TimeUnit.SECONDS)).isNotNull();
      assertThat(calls.poll(5, TimeUnit.SECONDS)).isNotNull();
    } finally {
      failing.close();
      scheduler.shutdownNow();
    }
  }
}

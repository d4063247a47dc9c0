package org.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.jitter.PlayoutSimulation.FRAME;
import static org.parley.media.jitter.PlayoutSimulation.RATE;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.testing.Spectrum;

/** The jitter buffer under simulated network conditions: jitter, drift, loss and restarts. */
class AdaptiveJitterBufferNetworkTest {

  private static final long SSRC = 0xCAFE_0001L;

  private static AdaptiveJitterBuffer newBuffer() {
    return new AdaptiveJitterBuffer(G711Codec.PCMU.newDecoder(), RATE, RATE, FRAME);
  }

  /** A voice-like test signal: 200 Hz with two harmonics. */
  private static short[] voiced(int samples) {
    short[] x = new short[samples];
    for (int i = 0; i < samples; i++) {
      double t = 2 * Math.PI * 200 * i / RATE;
      x[i] = (short) (6000 * Math.sin(t) + 3000 * Math.sin(2 * t) + 1500 * Math.sin(3 * t));
    }
    return x;
  }

  private static double targetAfter(double jitterMillis, int seconds, long seed) {
    AdaptiveJitterBuffer buffer = newBuffer();
    Random random = new Random(seed);
    List<RtpPacket> packets = PlayoutSimulation.packetize(voiced(RATE * seconds), SSRC, 0, 0);
    new PlayoutSimulation()
        .send(packets, 0, 1, k -> 10 + random.nextDouble() * jitterMillis)
        .play(buffer, packets.size());
    return buffer.statistics().targetDelayMillis();
  }

  @Test
  void targetDelayRisesWithTheJitter() {
    double none = targetAfter(0, 20, 7);
    double some = targetAfter(30, 20, 7);
    double much = targetAfter(80, 20, 7);

    assertThat(none).isEqualTo(40.0);
    assertThat(some).isGreaterThan(none).isBetween(45.0, 55.0); // 95% of 30 ms + one packet
    assertThat(much).isGreaterThan(some).isBetween(90.0, 100.0); // 95% of 80 ms + one packet
  }

  @Test
  void targetDelayFallsBackAfterTheJitterStops() {
    AdaptiveJitterBuffer buffer = newBuffer();
    Random random = new Random(11);
    List<RtpPacket> packets = PlayoutSimulation.packetize(voiced(RATE * 40), SSRC, 0, 0);
    List<Double> targets = new ArrayList<>();
    new PlayoutSimulation()
        .send(packets, 0, 1, k -> k < 500 ? 10 + random.nextDouble() * 80 : 10.0)
        .play(buffer, packets.size(), (b, f) -> targets.add(b.statistics().targetDelayMillis()));

    double peak = targets.subList(0, 500).stream().mapToDouble(Double::doubleValue).max().orElse(0);
    assertThat(peak).isGreaterThan(90);
    // 10 s later the window no longer holds jittered packets and the target decays at 10 ms/s.
    assertThat(targets.get(1000)).isLessThan(peak);
    assertThat(targets.get(targets.size() - 1)).isEqualTo(40.0);
    // It never drops abruptly: at most 10 ms per second (50 frames) plus one step.
    for (int f = 50; f < targets.size(); f++) {
      assertThat(targets.get(f - 50) - targets.get(f)).isLessThanOrEqualTo(10.5);
    }
    JitterBufferStatistics stats = buffer.statistics();
    assertThat((double) stats.packetsLate() / stats.packetsReceived()).isLessThan(0.02);
  }

  @ParameterizedTest(name = "sender clock scaled by {0}")
  @ValueSource(doubles = {0.99, 1.01})
  void clockDriftKeepsTheBufferLevelBoundedOverFiveMinutes(double senderClockScale) {
    AdaptiveJitterBuffer buffer = newBuffer();
    Random random = new Random(5);
    int frames = 5 * 60 * 50;
    // A sender whose clock runs 1% fast sends a 20 ms packet every 19.8 ms of receiver time.
    List<RtpPacket> packets =
        PlayoutSimulation.packetize(voiced(FRAME * frames * 102 / 100), SSRC, 0, 0);
    double[] maxDelay = new double[1];
    new PlayoutSimulation()
        .send(packets, 0, senderClockScale, k -> 10 + random.nextDouble() * 10)
        .play(
            buffer,
            frames,
            (b, f) -> {
              if (f > 500) {
                maxDelay[0] = Math.max(maxDelay[0], b.statistics().currentDelayMillis());
              }
            });

    JitterBufferStatistics stats = buffer.statistics();
    // Uncontrolled, 1% of 5 minutes is 3 s of growth (or of underruns).
    assertThat(maxDelay[0]).isLessThan(stats.targetDelayMillis() + 60);
    assertThat(stats.concealmentRatio()).isLessThan(0.002);
    assertThat(stats.compressedSamples() + stats.stretchedSamples()).isGreaterThan(0);
    if (senderClockScale < 1) {
      assertThat(stats.compressedSamples()).isGreaterThan(stats.stretchedSamples());
    } else {
      assertThat(stats.stretchedSamples()).isGreaterThan(stats.compressedSamples());
    }
  }

  /** Plays two tone streams back to back, the second re-numbered by {@code second}. */
  private static short[] switchStreams(AdaptiveJitterBuffer buffer, long ssrc2, long timestamp2) {
    List<RtpPacket> first =
        PlayoutSimulation.packetize(Spectrum.tone(440, RATE, 0.4, 0, RATE * 2), SSRC, 0, 0);
    List<RtpPacket> then =
        PlayoutSimulation.packetize(
            Spectrum.tone(880, RATE, 0.4, 0, RATE * 2), ssrc2, 100, timestamp2);
    return new PlayoutSimulation()
        .send(first, 0, 1, k -> 10.0)
        .send(then, 2000, 1, k -> 10.0)
        .play(buffer, 200);
  }

  private static void assertSwitchWithoutLongGap(short[] played, AdaptiveJitterBuffer buffer) {
    // The first stream plays to its end, the second starts at most 80 ms later, and no packet
    // of either is dropped.
    int lastOfFirst = -1;
    int firstOfSecond = -1;
    for (int f = 0; f < 200; f++) {
      if (Spectrum.rms(played, f * FRAME, FRAME) < 1000) {
        continue;
      }
      double tone = Spectrum.strongestOf(played, f * FRAME, FRAME, RATE, 440, 880);
      if (tone == 440) {
        lastOfFirst = f;
      } else if (firstOfSecond < 0) {
        firstOfSecond = f;
      }
    }
    assertThat(firstOfSecond - lastOfFirst).isBetween(1, 1 + 80 / 20);
    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.resynchronisations()).isEqualTo(1);
    assertThat(stats.packetsLate()).isZero();
    assertThat(stats.packetsLost()).isZero();
  }

  @Test
  void anSsrcChangeResynchronisesWithoutALongGap() {
    AdaptiveJitterBuffer buffer = newBuffer();
    short[] played = switchStreams(buffer, 0xBEEFL, 123_456L);
    assertSwitchWithoutLongGap(played, buffer);
  }

  @ParameterizedTest(name = "timestamp moves by {0}")
  @ValueSource(longs = {8_000_000L, -16_000L})
  void aTimestampJumpResynchronisesWithoutALongGap(long jump) {
    AdaptiveJitterBuffer buffer = newBuffer();
    // Same SSRC; the second half's timestamps continue 1000 s ahead, or 2 s behind.
    long timestamp = (100 * FRAME + jump) & 0xFFFF_FFFFL;
    short[] played = switchStreams(buffer, SSRC, timestamp);
    assertSwitchWithoutLongGap(played, buffer);
  }

  @ParameterizedTest(name = "{0}% loss")
  @ValueSource(ints = {5, 20})
  void aToneSequenceSurvivesRandomLossInOrder(int lossPercent) {
    double[] tones = {400, 1000, 600, 1400, 800, 500, 1200, 700};
    int segmentSamples = RATE * 400 / 1000;
    short[] signal = new short[tones.length * segmentSamples];
    for (int t = 0; t < tones.length; t++) {
      short[] tone = Spectrum.tone(tones[t], RATE, 0.4, 0, segmentSamples);
      System.arraycopy(tone, 0, signal, t * segmentSamples, segmentSamples);
    }
    Random random = new Random(lossPercent);
    AdaptiveJitterBuffer buffer = newBuffer();
    List<RtpPacket> packets = PlayoutSimulation.packetize(signal, SSRC, 40_000, 4_000_000_000L);
    short[] played =
        new PlayoutSimulation()
            .send(
                packets,
                0,
                1,
                k -> random.nextInt(100) < lossPercent ? null : 10 + random.nextDouble() * 20)
            .play(buffer, packets.size() + 20);

    List<Double> runs = Spectrum.toneRuns(played, packets.size() + 20, FRAME, RATE, tones);
    assertThat(runs).containsExactly(400.0, 1000.0, 600.0, 1400.0, 800.0, 500.0, 1200.0, 700.0);
    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsLost())
        .isBetween(packets.size() * lossPercent / 200L, (long) packets.size());
    assertThat(stats.concealedSamples()).isGreaterThanOrEqualTo(stats.packetsLost() * FRAME);
  }

  @Test
  void aSendersStallArrivingAsOneBurstIsNotKeptAsDelayForTheRestOfTheCall() {
    AdaptiveJitterBuffer buffer = newBuffer();
    List<RtpPacket> packets = PlayoutSimulation.packetize(voiced(RATE * 8), SSRC, 0, 0);
    // The sender stalls 700 ms: packets 100..134 leave together with packet 135, 10 ms on the way.
    double[] delayAfterBurst = new double[1];
    new PlayoutSimulation()
        .send(packets, 0, 1, k -> k >= 100 && k < 135 ? 10.0 + (135 - k) * 20 : 10.0)
        .play(
            buffer,
            packets.size(),
            (b, f) -> {
              if (f == 150) {
                delayAfterBurst[0] = b.statistics().currentDelayMillis();
              }
            });

    JitterBufferStatistics stats = buffer.statistics();
    // Played in full, the burst would keep ~700 ms buffered; the target stays at the clean 40 ms.
    assertThat(stats.targetDelayMillis()).isEqualTo(40.0);
    assertThat(delayAfterBurst[0]).isLessThanOrEqualTo(40 + 40 + 20);
    // The stale packets were dropped as late, not reported as network loss.
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.packetsLate()).isBetween(25L, 35L);
  }

  /**
   * The sender's microphone stalls 300 ms after packet 100 and then drops that backlog; with {@code
   * timestampsStepped} its RTP timestamps skip the dropped 300 ms (RFC 3550 §5.1), otherwise they
   * carry on as if no time had passed. Returns the buffer after 10 s; {@code delays} gets the
   * buffered delay after every pull.
   */
  private static AdaptiveJitterBuffer afterADroppedCaptureBacklog(
      boolean timestampsStepped, List<Double> delays) {
    AdaptiveJitterBuffer buffer = newBuffer();
    int stallMillis = 300;
    long stepTicks = timestampsStepped ? RATE * stallMillis / 1000 : 0;
    List<RtpPacket> before = PlayoutSimulation.packetize(voiced(RATE * 2), SSRC, 0, 0);
    List<RtpPacket> after =
        PlayoutSimulation.packetize(voiced(RATE * 8), SSRC, 100, 100L * FRAME + stepTicks);
    new PlayoutSimulation()
        .send(before, 0, 1, k -> 10.0)
        .send(after, 2000 + stallMillis, 1, k -> 10.0)
        .play(buffer, 500, (b, f) -> delays.add(b.statistics().currentDelayMillis()));
    return buffer;
  }

  @Test
  void aCaptureBacklogDroppedWithSteppedTimestampsLeavesNoStandingDelay() {
    List<Double> delays = new ArrayList<>();
    AdaptiveJitterBuffer buffer = afterADroppedCaptureBacklog(true, delays);

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.targetDelayMillis()).isEqualTo(40.0);
    assertThat(stats.packetsLate()).isZero();
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.resynchronisations()).isZero();
    // From a second after the gap on, the delay is back at the clean stream's.
    assertThat(delays.subList(170, 500)).allMatch(delay -> delay <= 40 + 20 + 20);
  }

  @Test
  void aCaptureBacklogDroppedWithoutSteppingTheTimestampsReadsAsLateAndRaisesTheTarget() {
    // Why the sender steps them: otherwise every later packet reads 300 ms late, and the target
    // (and what is buffered) holds that for the rest of the window.
    List<Double> delays = new ArrayList<>();
    AdaptiveJitterBuffer buffer = afterADroppedCaptureBacklog(false, delays);

    assertThat(buffer.statistics().targetDelayMillis()).isGreaterThan(300.0);
    assertThat(delays.get(400)).isGreaterThan(300.0);
  }

  @Test
  void aBurstWhosePacketsComeOneEncodeApartStillCountsOnce() {
    AdaptiveJitterBuffer buffer = newBuffer();
    List<RtpPacket> packets = PlayoutSimulation.packetize(voiced(RATE * 8), SSRC, 0, 0);
    // As above, but the catching-up sender needs 4 ms to encode each held-up packet (Opus, loaded).
    new PlayoutSimulation()
        .send(packets, 0, 1, k -> k >= 100 && k < 135 ? 10.0 + (135 - k) * 16 : 10.0)
        .play(buffer, packets.size());

    assertThat(buffer.statistics().targetDelayMillis()).isEqualTo(40.0);
  }

  @Test
  void aTalkSpurtAfterOpusStyleDtxIsHeardAtTheTargetDelayNotBehindTheLastRefreshPacket() {
    // libopus's DTX: 1 s of speech, then during 2 s of silence one packet every 400 ms (comfort
    // noise refresh), then speech again. Sequence numbers count the packets sent; timestamps keep
    // media time. A refresh packet waits alone (less than the target) until the spurt arrives.
    short[] signal = voiced(RATE * 4);
    for (int i = RATE; i < 3 * RATE; i++) {
      signal[i] = (short) (i % 7 * 10 - 30); // quiet noise
    }
    List<RtpPacket> all = PlayoutSimulation.packetize(signal, SSRC, 0, 0);
    PlayoutSimulation network = new PlayoutSimulation();
    int sequence = 0;
    for (int k = 0; k < all.size(); k++) {
      if (k >= 50 && k < 150 && k % 20 != 0) {
        continue; // not sent: DTX
      }
      RtpPacket p = all.get(k);
      network.deliver(
          k * 20L + 10, RtpPacket.of(0, k == 150, sequence++, p.timestamp(), SSRC, p.payload()));
    }
    List<Double> delays = new ArrayList<>();
    short[] played =
        network.play(newBuffer(), 200, (b, f) -> delays.add(b.statistics().currentDelayMillis()));

    int spurtFrame = -1;
    for (int f = 150; f < 200 && spurtFrame < 0; f++) {
      if (Spectrum.rms(played, f * FRAME, FRAME) > 1000) {
        spurtFrame = f;
      }
    }
    // The spurt's first packet arrives at 3,010 ms; it plays within the target (and a frame).
    assertThat(spurtFrame * 20).isBetween(3000, 3010 + 40 + 20);
    assertThat(delays.subList(175, 200)).allMatch(delay -> delay <= 40 + 20 + 20);
  }

  @Test
  void aTalkSpurtAfterSilenceSuppressionRebuffersWithoutLateDropsOrLongConcealment() {
    AdaptiveJitterBuffer buffer = newBuffer();
    // 1 s of speech, the sender goes quiet (DTX) for 2 s, then 1 s more: sequence numbers
    // continue, the timestamp jumps by the 2 s, and the first packet of the spurt is marked.
    List<RtpPacket> first = PlayoutSimulation.packetize(voiced(RATE), SSRC, 0, 0);
    List<RtpPacket> second = PlayoutSimulation.packetize(voiced(RATE), SSRC, 50, 3L * RATE);
    short[] played =
        new PlayoutSimulation()
            .send(first, 0, 1, k -> 10.0)
            .send(second, 3000, 1, k -> 10.0)
            .play(buffer, 4 * 50);

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsLate()).isZero();
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.resynchronisations()).isZero();
    // Concealment only bridges the first 60 ms of the pause; the rest is silence.
    assertThat(stats.concealedSamples()).isEqualTo(3L * FRAME);
    assertThat(Spectrum.rms(played, 2 * RATE, RATE)).isZero();
    // The spurt is heard within the target delay (plus a frame) of its first packet.
    int spurtFrame = -1;
    for (int f = 150; f < 200 && spurtFrame < 0; f++) {
      if (Spectrum.rms(played, f * FRAME, FRAME) > 1000) {
        spurtFrame = f;
      }
    }
    assertThat(spurtFrame * 20).isBetween(3000, 3010 + 40 + 20);
  }
}

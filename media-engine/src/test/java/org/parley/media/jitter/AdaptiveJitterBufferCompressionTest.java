package org.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.jitter.PlayoutSimulation.FRAME;
import static org.parley.media.jitter.PlayoutSimulation.RATE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.testing.Spectrum;

/**
 * Time compression of a standing excess (NetEQ's "accelerate"): audio buffered beyond the target
 * without any underrun, here left by a player that stalled while packets kept arriving at 0 jitter.
 */
class AdaptiveJitterBufferCompressionTest {

  private static final long SSRC = 0xC0FF_EE01L;
  private static final int STALL_FROM_FRAME = 100;
  private static final int STALL_FRAMES = 15; // 300 ms

  /** The buffered delay after each pull, by frame slot (NaN where the player stalled). */
  private record Run(
      short[] played, double[] delays, long[] compressed, AdaptiveJitterBuffer buffer) {}

  private static Run playWithAStall(short[] signal, int frames) {
    AdaptiveJitterBuffer buffer =
        new AdaptiveJitterBuffer(G711Codec.PCMU.newDecoder(), RATE, RATE, FRAME);
    List<RtpPacket> packets = PlayoutSimulation.packetize(signal, SSRC, 0, 0);
    double[] delays = new double[frames];
    long[] compressed = new long[frames];
    Arrays.fill(delays, Double.NaN);
    short[] played =
        new PlayoutSimulation()
            .send(packets, 0, 1, k -> 10.0)
            .play(
                buffer,
                frames,
                f -> f < STALL_FROM_FRAME || f >= STALL_FROM_FRAME + STALL_FRAMES,
                (b, f) -> {
                  delays[f] = b.statistics().currentDelayMillis();
                  compressed[f] = b.statistics().compressedSamples();
                });
    return new Run(played, delays, compressed, buffer);
  }

  private static short[] tone(double hz, int millis) {
    return Spectrum.tone(hz, RATE, 0.4, 0, RATE * millis / 1000);
  }

  @Test
  void aStandingExcessLeftByAStalledPlayerDrainsToTheTargetWithinAFewSeconds() {
    Run run = playWithAStall(tone(200, 10_000), 480);

    JitterBufferStatistics stats = run.buffer().statistics();
    int resumed = STALL_FROM_FRAME + STALL_FRAMES;
    // The excess was there (300 ms on top of the 40 ms target) without any underrun.
    assertThat(run.delays()[resumed]).isGreaterThan(300);
    assertThat(stats.concealedSamples()).isZero();
    assertThat(stats.packetsLate()).isZero();
    // Three seconds later it is gone, and it stays gone.
    for (int f = resumed + 150; f < 480; f++) {
      assertThat(run.delays()[f]).as("frame %d", f).isLessThanOrEqualTo(40 + 20 + 20);
    }
    assertThat(stats.compressedSamples()).isBetween(250L * RATE / 1000, 340L * RATE / 1000);
  }

  @Test
  void compressionPlaysAtMostAQuarterFast() {
    // 100 Hz: one period is 10 ms, half a packet, so an unbounded scaler removes as much as it
    // plays (the 300 ms went in 400 ms before the bound).
    Run run = playWithAStall(tone(100, 10_000), 480);

    int resumed = STALL_FROM_FRAME + STALL_FRAMES;
    for (int f = resumed + 25; f < 480; f += 5) {
      // Half a second plays 4,000 samples; at most a quarter of that goes, plus the allowance it
      // may start with (two 10 ms periods).
      long removed = run.compressed()[f] - run.compressed()[f - 25];
      assertThat(removed).as("frame %d", f).isLessThanOrEqualTo(RATE / 2 / 4 + 160);
    }
    // Bounded, it still drains the 300 ms within about 1.2 s of playout (plus the smoothing).
    assertThat(run.delays()[resumed + 100]).isLessThanOrEqualTo(40 + 20 + 20);
  }

  @Test
  void aToneSequenceStillArrivesInOrderWhileTheExcessDrains() {
    double[] tones = {400, 1000, 600, 1400, 800, 500, 1200, 700};
    short[] signal = new short[0];
    for (double hz : tones) {
      short[] segment = tone(hz, 400);
      short[] longer = Arrays.copyOf(signal, signal.length + segment.length);
      System.arraycopy(segment, 0, longer, signal.length, segment.length);
      signal = longer;
    }
    int frames = signal.length / FRAME + 20;
    Run run = playWithAStall(signal, frames);

    short[] played = run.played();
    List<Double> runs = Spectrum.toneRuns(played, played.length / FRAME, FRAME, RATE, tones);
    assertThat(runs).containsExactly(400.0, 1000.0, 600.0, 1400.0, 800.0, 500.0, 1200.0, 700.0);
    assertThat(run.buffer().statistics().compressedSamples()).isGreaterThan(0);
  }

  @Test
  void aPlayerThatStartsLateStartsNearTheTarget() {
    // The player's first pull comes 300 ms after the first packet: the stream starts with a
    // backlog.
    AdaptiveJitterBuffer buffer =
        new AdaptiveJitterBuffer(G711Codec.PCMU.newDecoder(), RATE, RATE, FRAME);
    List<RtpPacket> packets = PlayoutSimulation.packetize(tone(200, 6_000), SSRC, 0, 0);
    List<Double> delays = new ArrayList<>();
    new PlayoutSimulation()
        .send(packets, 0, 1, k -> 10.0)
        .play(buffer, 250, f -> f >= 15, (b, f) -> delays.add(b.statistics().currentDelayMillis()));

    // Within three seconds of the first pull the delay is at the target's, and stays there.
    assertThat(delays.subList(150, delays.size())).allMatch(delay -> delay <= 40 + 20 + 20);
  }
}

package org.parley.media.jitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.jitter.PlayoutSimulation.FRAME;
import static org.parley.media.jitter.PlayoutSimulation.RATE;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.testing.Spectrum;

class AdaptiveJitterBufferTest {

  private static final long SSRC = 0x1234_5678L;

  private final AdaptiveJitterBuffer buffer =
      new AdaptiveJitterBuffer(G711Codec.PCMU.newDecoder(), RATE, RATE, FRAME);

  private static short[] noise(int samples, long seed) {
    Random random = new Random(seed);
    short[] x = new short[samples];
    for (int i = 0; i < x.length; i++) {
      x[i] = (short) (random.nextGaussian() * 3000);
    }
    return x;
  }

  /** What a perfect network would play: every packet decoded in order. */
  private static short[] reference(List<RtpPacket> packets) {
    AudioDecoder decoder = G711Codec.PCMU.newDecoder();
    short[] out = new short[packets.size() * FRAME];
    short[] pcm = new short[FRAME];
    for (int k = 0; k < packets.size(); k++) {
      byte[] payload = packets.get(k).payload();
      decoder.decode(payload, 0, payload.length, pcm);
      System.arraycopy(pcm, 0, out, k * FRAME, FRAME);
    }
    return out;
  }

  @Test
  void inOrderStreamPlaysBitExactAfterTheInitialDelay() {
    List<RtpPacket> packets = PlayoutSimulation.packetize(noise(RATE * 2, 1), SSRC, 100, 5000);
    short[] played =
        new PlayoutSimulation().send(packets, 0, 1, k -> 5.0).play(buffer, packets.size());

    int start = PlayoutSimulation.firstSound(played);
    // Nothing plays until the minimum target (40 ms) of audio is buffered.
    assertThat(start).isBetween(40 * 8, 60 * 8);
    short[] expected = reference(packets);
    assertThat(Arrays.copyOfRange(played, start, played.length))
        .isEqualTo(Arrays.copyOf(expected, played.length - start));
    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsLost()).isZero();
    assertThat(stats.concealedSamples()).isZero();
  }

  @Test
  void reorderedAndDuplicatedPacketsPlayInOrderExactlyOnce() {
    List<RtpPacket> packets = PlayoutSimulation.packetize(noise(RATE * 2, 2), SSRC, 65500, 0);
    // Every even packet is overtaken by the odd one after it; every 7th is sent twice.
    PlayoutSimulation net =
        new PlayoutSimulation().send(packets, 0, 1, k -> k % 2 == 0 ? 25.0 : 0.0);
    int duplicates = 0;
    for (int k = 0; k < packets.size() - 10; k += 7) {
      net.deliver(k * 20L + 30 + (k % 3) * 40, packets.get(k));
      duplicates++;
    }
    short[] played = net.play(buffer, packets.size());

    int start = PlayoutSimulation.firstSound(played);
    short[] expected = reference(packets);
    assertThat(Arrays.copyOfRange(played, start, played.length))
        .isEqualTo(Arrays.copyOf(expected, played.length - start));
    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsDuplicate()).isEqualTo(duplicates);
    assertThat(stats.packetsLate()).isZero();
    assertThat(stats.packetsLost()).isZero();
  }

  @Test
  void aLostPacketIsConcealedForOneFrameAndAudioContinues() {
    short[] tone = Spectrum.tone(440, RATE, 0.4, 0, RATE * 2);
    List<RtpPacket> packets = PlayoutSimulation.packetize(tone, SSRC, 0, 0);
    short[] played =
        new PlayoutSimulation()
            .send(packets, 0, 1, k -> k == 50 ? null : 5.0)
            .play(buffer, packets.size());

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsLost()).isEqualTo(1);
    assertThat(stats.concealedSamples()).isEqualTo(FRAME);
    int start = PlayoutSimulation.firstSound(played);
    int lostAt = start + 50 * FRAME;
    assertThat(Spectrum.rms(played, lostAt, FRAME)).isGreaterThan(0.4 * 32767 * 0.6);
    assertThat(Spectrum.dominantFrequency(played, lostAt, FRAME, RATE, 200, 2000, 10))
        .isBetween(420.0, 460.0);
    // From the second frame after the loss on, the real audio is back unchanged.
    short[] expected = reference(packets);
    int resume = 52 * FRAME;
    assertThat(Arrays.copyOfRange(played, start + resume, played.length))
        .isEqualTo(Arrays.copyOfRange(expected, resume, played.length - start));
  }

  /** Decodes every packet as 1000s, FEC as 777s, and conceals with silence. */
  private static AudioDecoder markingFecDecoder() {
    return new AudioDecoder() {
      @Override
      public int decode(byte[] payload, int offset, int length, short[] pcm) {
        Arrays.fill(pcm, 0, length, (short) 1000);
        return length;
      }

      @Override
      public int decodeFec(byte[] next, int offset, int length, short[] pcm, int sampleCount) {
        Arrays.fill(pcm, 0, sampleCount, (short) 777);
        return sampleCount;
      }
    };
  }

  @Test
  void forwardErrorCorrectionFromTheNextPacketIsUsedBeforeConcealment() {
    AdaptiveJitterBuffer fecBuffer =
        new AdaptiveJitterBuffer(markingFecDecoder(), RATE, RATE, FRAME);
    List<RtpPacket> packets = PlayoutSimulation.packetize(new short[RATE], SSRC, 0, 0);
    short[] played =
        new PlayoutSimulation()
            .send(packets, 0, 1, k -> k == 20 ? null : 5.0)
            .play(fecBuffer, packets.size());

    JitterBufferStatistics stats = fecBuffer.statistics();
    assertThat(stats.recoveredSamples()).isEqualTo(FRAME);
    assertThat(stats.concealedSamples()).isZero();
    int start = PlayoutSimulation.firstSound(played);
    assertThat(Arrays.copyOfRange(played, start + 20 * FRAME, start + 21 * FRAME))
        .containsOnly((short) 777);
  }

  @Test
  void forwardErrorCorrectionRebuildsOnlyThePacketJustBeforeTheNextOne() {
    // 100 ms of buffer: packet 22 is already there when the playout point reaches 20.
    JitterBufferSettings deep = new JitterBufferSettings(100, 400, 0.95, 10_000, 2_000, 10, 1_000);
    AdaptiveJitterBuffer fecBuffer =
        new AdaptiveJitterBuffer(markingFecDecoder(), RATE, RATE, FRAME, deep);
    List<RtpPacket> packets = PlayoutSimulation.packetize(new short[RATE], SSRC, 0, 0);
    short[] played =
        new PlayoutSimulation()
            .send(packets, 0, 1, k -> k == 20 || k == 21 ? null : 5.0)
            .play(fecBuffer, packets.size());

    // Packet 22 carries the redundancy of 21, not of 20: 20 is concealed, 21 rebuilt.
    JitterBufferStatistics stats = fecBuffer.statistics();
    assertThat(stats.recoveredSamples()).isEqualTo(FRAME);
    assertThat(stats.concealedSamples()).isEqualTo(FRAME);
    int start = PlayoutSimulation.firstSound(played);
    assertThat(Arrays.copyOfRange(played, start + 20 * FRAME, start + 21 * FRAME))
        .containsOnly((short) 0);
    assertThat(Arrays.copyOfRange(played, start + 21 * FRAME, start + 22 * FRAME))
        .containsOnly((short) 777);
  }

  @Test
  void packetsArrivingAfterTheirPlayoutTimeAreDroppedAndCounted() {
    List<RtpPacket> packets = PlayoutSimulation.packetize(noise(RATE * 2, 3), SSRC, 0, 0);
    // Packet 40 is held up 300 ms: it is concealed, then arrives late.
    short[] played =
        new PlayoutSimulation()
            .send(packets, 0, 1, k -> k == 40 ? 300.0 : 5.0)
            .play(buffer, packets.size());

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsLate()).isEqualTo(1);
    assertThat(stats.packetsLost()).isEqualTo(1);
    assertThat(stats.concealedSamples()).isEqualTo(FRAME);
    assertThat(played).hasSize(packets.size() * FRAME);
  }

  @Test
  void statisticsReportTheDelayInMilliseconds() {
    List<RtpPacket> packets = PlayoutSimulation.packetize(noise(RATE, 4), SSRC, 0, 0);
    new PlayoutSimulation().send(packets, 0, 1, k -> 5.0).play(buffer, 30);

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.targetDelayMillis()).isEqualTo(40.0);
    assertThat(stats.currentDelayMillis()).isEqualTo(40.0);
    assertThat(stats.playedSamples()).isEqualTo(30L * FRAME);
    assertThat(stats.concealmentRatio()).isZero();
  }

  @Test
  void insertAndPullOnTwoThreadsLoseNothing() throws Exception {
    List<RtpPacket> packets = PlayoutSimulation.packetize(noise(RATE * 20, 5), SSRC, 0, 0);
    CompletableFuture<Void> network =
        CompletableFuture.runAsync(
            () -> {
              for (int k = 0; k < packets.size(); k++) {
                buffer.insert(packets.get(k), k * 20L);
              }
            });
    CompletableFuture<Void> playout =
        CompletableFuture.runAsync(
            () -> {
              short[] frame = new short[FRAME];
              for (int f = 0; f < packets.size(); f++) {
                buffer.pull(frame);
              }
            });
    CompletableFuture.allOf(network, playout).get(30, TimeUnit.SECONDS);

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.packetsReceived()).isEqualTo(packets.size());
    assertThat(stats.playedSamples()).isEqualTo((long) packets.size() * FRAME);
    assertThat(stats.packetsDuplicate()).isZero();
  }

  @Test
  void aPayloadTheDecoderRejectsIsDroppedAndTheGapConcealed() {
    AudioDecoder pcmu = G711Codec.PCMU.newDecoder();
    AudioDecoder picky =
        new AudioDecoder() {
          @Override
          public int decode(byte[] payload, int offset, int length, short[] pcm) {
            if (length != FRAME) {
              throw new IllegalArgumentException("truncated payload");
            }
            return pcmu.decode(payload, offset, length, pcm);
          }

          @Override
          public int conceal(short[] pcm, int sampleCount) {
            return pcmu.conceal(pcm, sampleCount);
          }
        };
    AdaptiveJitterBuffer pickyBuffer = new AdaptiveJitterBuffer(picky, RATE, RATE, FRAME);
    short[] frame = new short[FRAME];
    int failures = 0;
    for (int k = 0; k < 10; k++) {
      byte[] payload = new byte[k == 5 ? 7 : FRAME];
      pickyBuffer.insert(RtpPacket.of(0, false, k, k * FRAME, SSRC, payload), k * 20L);
      try {
        pickyBuffer.pull(frame);
      } catch (IllegalArgumentException e) {
        // The decoder's exception reaches the playout thread once; the buffer stays usable.
        assertThat(e).hasMessage("truncated payload");
        failures++;
      }
    }

    assertThat(failures).isEqualTo(1);
    JitterBufferStatistics stats = pickyBuffer.statistics();
    assertThat(stats.concealedSamples()).isEqualTo(FRAME);
    assertThat(stats.packetsLost()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0} ms packets")
  @ValueSource(ints = {10, 30, 60})
  void packetsOfAnotherSizeThanTheFramePlayBitExact(int packetMillis) {
    int packetSamples = packetMillis * 8;
    short[] signal = noise(RATE * 3, packetMillis);
    AudioDecoder decoder = G711Codec.PCMU.newDecoder();
    byte[] encoded = new byte[signal.length];
    G711Codec.PCMU.newEncoder().encode(signal, 0, signal.length, encoded);
    short[] expected = new short[signal.length];
    decoder.decode(encoded, 0, encoded.length, expected);

    short[] played = new short[signal.length];
    short[] frame = new short[FRAME];
    int sent = 0;
    for (int f = 0; f < played.length / FRAME; f++) {
      long now = f * 20L;
      // Packet k leaves at k * ptime and arrives 5 ms later.
      while (sent * packetMillis + 5 <= now && (sent + 1) * packetSamples <= signal.length) {
        byte[] payload =
            Arrays.copyOfRange(encoded, sent * packetSamples, (sent + 1) * packetSamples);
        buffer.insert(
            RtpPacket.of(0, sent == 0, sent, (long) sent * packetSamples, SSRC, payload), now);
        sent++;
      }
      buffer.pull(frame);
      System.arraycopy(frame, 0, played, f * FRAME, FRAME);
    }

    int start = PlayoutSimulation.firstSound(played);
    int compared = played.length - start - 2 * packetSamples;
    assertThat(Arrays.copyOfRange(played, start, start + compared))
        .isEqualTo(Arrays.copyOf(expected, compared));
    assertThat(buffer.statistics().concealedSamples()).isZero();
  }

  @Test
  void randomPacketsOfAnySizeNeverBreakPlayout() {
    Random random = new Random(2024);
    short[] frame = new short[FRAME];
    for (int f = 0; f < 3000; f++) {
      for (int k = random.nextInt(3); k > 0; k--) {
        byte[] payload = new byte[random.nextInt(10) == 0 ? random.nextInt(3000) : FRAME];
        random.nextBytes(payload);
        RtpPacket packet =
            RtpPacket.of(
                0,
                random.nextBoolean(),
                random.nextInt(8) == 0 ? random.nextInt(65536) : f & 0xFFFF,
                random.nextInt(8) == 0 ? random.nextLong(1L << 32) : (f * 160L) & 0xFFFF_FFFFL,
                random.nextInt(20) == 0 ? random.nextInt(4) : 7,
                payload);
        buffer.insert(packet, f * 20L + random.nextInt(200));
      }
      buffer.pull(frame);
    }

    JitterBufferStatistics stats = buffer.statistics();
    assertThat(stats.playedSamples()).isEqualTo(3000L * FRAME);
    assertThat(stats.targetDelayMillis()).isBetween(40.0, 400.0);
    assertThat(stats.packetsLate() + stats.packetsDuplicate()).isLessThan(stats.packetsReceived());
  }
}

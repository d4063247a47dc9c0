package org.parley.media.opus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.PitchSearch;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.jitter.AdaptiveJitterBuffer;
import org.parley.media.jitter.JitterBufferStatistics;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.testing.SpeechLike;

/**
 * Opus loss repair end to end through the adaptive jitter buffer: a lost packet whose successor
 * arrives is rebuilt from that successor's FEC and counted as recovered, not concealed.
 */
class OpusLossRepairPlayoutTest {

  private static final int FRAME = 960;
  private static final int LOST = 30; // the middle of a syllable
  private static final OpusEncoderSettings FEC =
      OpusEncoderSettings.voipDefaults().withBitrateBps(24_000).withInbandFec(true, 20);

  private final List<RtpPacket> packets = packetize();
  private JitterBufferStatistics statistics;

  private static List<RtpPacket> packetize() {
    List<byte[]> payloads;
    try (OpusEncoder encoder = new OpusCodec().newEncoder(FEC)) {
      payloads = SpeechLike.encode(encoder, SpeechLike.voice(48_000, FRAME * 60, 12_000), FRAME);
    }
    List<RtpPacket> rtp = new ArrayList<>();
    for (int k = 0; k < payloads.size(); k++) {
      rtp.add(RtpPacket.of(111, k == 0, k, (long) k * FRAME, 0x0F0F_0F0FL, payloads.get(k)));
    }
    return rtp;
  }

  /** Packet k arrives at 20k + 5 ms unless lost; one 20 ms frame is pulled every 20 ms. */
  private short[] play(AudioDecoder decoder, boolean loseOne) {
    AdaptiveJitterBuffer buffer = new AdaptiveJitterBuffer(decoder, 48_000, 48_000, FRAME);
    int frames = packets.size();
    short[] out = new short[frames * FRAME];
    short[] frame = new short[FRAME];
    int next = 0;
    for (int f = 0; f < frames; f++) {
      while (next < packets.size() && next * 20L + 5 <= f * 20L) {
        if (!(loseOne && next == LOST)) {
          buffer.insert(packets.get(next), next * 20L + 5);
        }
        next++;
      }
      buffer.pull(frame);
      System.arraycopy(frame, 0, out, f * FRAME, FRAME);
    }
    statistics = buffer.statistics();
    decoder.close();
    return out;
  }

  @Test
  void theLostPacketIsRebuiltFromFecAndCountedAsRecovered() {
    short[] clean = play(Libopus.system().newDecoder(1), false);
    short[] repaired = play(Libopus.system().newDecoder(1), true);
    JitterBufferStatistics withFec = statistics;
    short[] concealed = play(withoutFec(Libopus.system().newDecoder(1)), true);
    JitterBufferStatistics withoutFec = statistics;

    assertThat(withFec.packetsLost()).isEqualTo(1);
    assertThat(withFec.recoveredSamples()).isEqualTo(FRAME);
    assertThat(withFec.concealedSamples()).isZero();
    assertThat(withoutFec.recoveredSamples()).isZero();
    assertThat(withoutFec.concealedSamples()).isEqualTo(FRAME);

    int from = firstDifference(clean, concealed);
    assertThat(from).isPositive();
    assertThat(PitchSearch.correlation(repaired, from, clean, from, FRAME))
        .isGreaterThan(PitchSearch.correlation(concealed, from, clean, from, FRAME));
  }

  @Test
  void withoutLibopusTheFfmpegDecoderConcealsTheSameLoss() {
    Libopus missing = Libopus.load(List.of("parley-test-no-such-opus"));
    play(new OpusCodec(OpusEncoderSettings.voipDefaults(), missing).newDecoder(), true);

    assertThat(statistics.packetsLost()).isEqualTo(1);
    assertThat(statistics.recoveredSamples()).isZero();
    assertThat(statistics.concealedSamples()).isEqualTo(FRAME);
  }

  private static int firstDifference(short[] a, short[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return -1;
  }

  /** The same decoder with its FEC taken away: what playout was before ADR 0032. */
  private static AudioDecoder withoutFec(LibopusDecoder decoder) {
    return new AudioDecoder() {
      @Override
      public int decode(byte[] payload, int offset, int length, short[] pcm) {
        return decoder.decode(payload, offset, length, pcm);
      }

      @Override
      public int conceal(short[] pcm, int sampleCount) {
        return decoder.conceal(pcm, sampleCount);
      }

      @Override
      public void close() {
        decoder.close();
      }
    };
  }
}

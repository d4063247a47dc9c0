package org.parley.media.opus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.OpusNegotiation;
import org.parley.media.codec.OpusParameters;
import org.parley.media.codec.PitchSearch;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.testing.SpeechLike;

/**
 * Issue 5's repair test: a packet lost from a stream encoded with in-band FEC is rebuilt from the
 * next packet, and the rebuilt frame is closer to what was sent than libopus's concealment.
 */
class OpusFecRepairTest {

  private static final int FRAME = 960;
  // The middle of each 250 ms syllable of SpeechLike.voice: an encoder sends no LBRR for a frame
  // it judged silent, so packets at the pauses have nothing to repair with.
  private static final int[] LOST = {5, 17, 30, 42, 55, 67, 80, 92};

  @Test
  void aLostPacketRebuiltFromTheNextOnesFecMatchesTheOriginalBetterThanConcealment() {
    short[] voice = SpeechLike.voice(48_000, 48_000 * 2, 12_000);
    // What we send to a peer whose fmtp says useinbandfec=1, planning for 20 % loss. At 24 kbit/s
    // libopus codes wideband SILK with room for LBRR in every voiced packet.
    OpusEncoderSettings ours =
        OpusEncoderSettings.voipDefaults().withBitrateBps(24_000).withInbandFec(true, 20);
    OpusEncoderSettings towardsPeer =
        OpusNegotiation.encoderSettings(
            ours, OpusParameters.parse("useinbandfec=1"), OptionalInt.empty());
    assertThat(towardsPeer.inbandFec()).isTrue();
    List<byte[]> packets;
    int delay;
    try (OpusEncoder encoder = new OpusCodec().newEncoder(towardsPeer)) {
      packets = SpeechLike.encode(encoder, voice, FRAME);
      delay = encoder.lookaheadSamples();
    }

    double[] fecToOriginal = new double[LOST.length];
    double[] plcToOriginal = new double[LOST.length];
    double[] fecToDecoded = new double[LOST.length];
    double[] plcToDecoded = new double[LOST.length];
    for (int i = 0; i < LOST.length; i++) {
      int lost = LOST[i];
      short[] rebuilt = new short[FRAME];
      short[] concealed = new short[FRAME];
      short[] received = new short[FRAME];
      byte[] next = packets.get(lost + 1);
      byte[] missing = packets.get(lost);
      try (LibopusDecoder withFec = Libopus.system().newDecoder(1);
          LibopusDecoder withPlc = Libopus.system().newDecoder(1);
          LibopusDecoder unharmed = Libopus.system().newDecoder(1)) {
        decodeUpTo(withFec, packets, lost);
        decodeUpTo(withPlc, packets, lost);
        decodeUpTo(unharmed, packets, lost);
        assertThat(withFec.decodeFec(next, 0, next.length, rebuilt, FRAME))
            .as("LBRR of packet %d in packet %d", lost, lost + 1)
            .isEqualTo(FRAME);
        assertThat(withPlc.conceal(concealed, FRAME)).isEqualTo(FRAME);
        unharmed.decode(missing, 0, missing.length, received);
      }
      // The decoder's output lags the encoder's input by the encoder's look-ahead.
      int original = lost * FRAME - delay;
      fecToOriginal[i] = PitchSearch.correlation(rebuilt, 0, voice, original, FRAME);
      plcToOriginal[i] = PitchSearch.correlation(concealed, 0, voice, original, FRAME);
      fecToDecoded[i] = PitchSearch.correlation(rebuilt, 0, received, 0, FRAME);
      plcToDecoded[i] = PitchSearch.correlation(concealed, 0, received, 0, FRAME);
    }
    // A waveform measure: PLC extrapolates a steady pitch well, so single frames may go either
    // way; over eight losses the redundancy must win, and clearly resemble the lost audio.
    assertThat(mean(fecToOriginal))
        .as("mean correlation with the original, FEC vs PLC")
        .isGreaterThan(mean(plcToOriginal))
        .isGreaterThan(0.5);
    assertThat(mean(fecToDecoded))
        .as("mean correlation with the lost packet's own decoding, FEC vs PLC")
        .isGreaterThan(mean(plcToDecoded))
        .isGreaterThan(0.5);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static void decodeUpTo(LibopusDecoder decoder, List<byte[]> packets, int end) {
    short[] pcm = new short[FRAME];
    for (int k = 0; k < end; k++) {
      byte[] p = packets.get(k);
      assertThat(decoder.decode(p, 0, p.length, pcm)).isEqualTo(FRAME);
    }
  }
}

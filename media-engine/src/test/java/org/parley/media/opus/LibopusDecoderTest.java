package org.parley.media.opus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.CodecException;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.testing.Spectrum;
import org.parley.media.testing.SpeechLike;

class LibopusDecoderTest {

  private static final int FRAME = 960;
  private static final OpusEncoderSettings FEC =
      OpusEncoderSettings.voipDefaults().withBitrateBps(24_000).withInbandFec(true, 20);

  private static List<byte[]> encode(OpusEncoderSettings settings, short[] pcm) {
    try (OpusEncoder encoder = new OpusCodec().newEncoder(settings)) {
      return SpeechLike.encode(encoder, pcm, FRAME * settings.channels());
    }
  }

  private static short[] decodeAll(LibopusDecoder decoder, List<byte[]> packets) {
    short[] out = new short[packets.size() * FRAME * decoder.channels()];
    short[] pcm = new short[LibopusDecoder.MAX_PACKET_SAMPLES_PER_CHANNEL * 2];
    int written = 0;
    for (byte[] p : packets) {
      int n = decoder.decode(p, 0, p.length, pcm);
      System.arraycopy(pcm, 0, out, written, n);
      written += n;
    }
    assertThat(written).isEqualTo(out.length);
    return out;
  }

  @Test
  void theSystemLibraryLoadsAndNamesItsVersion() {
    assertThat(Libopus.system().isAvailable())
        .as("libopus0 must be installed: %s", Libopus.system())
        .isTrue();
    assertThat(Libopus.system().description()).startsWith("libopus 1.");
    assertThat(Libopus.system()).isSameAs(Libopus.system());
  }

  @Test
  void aLibraryThatCannotBeLoadedSaysWhyAndMakesNoDecoders() {
    Libopus missing = Libopus.load(List.of("parley-test-no-such-opus", "parley-test-nor-this"));
    assertThat(missing.isAvailable()).isFalse();
    assertThat(missing.description()).contains("parley-test-no-such-opus", "parley-test-nor-this");
    assertThatThrownBy(() -> missing.newDecoder(1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not loaded");
  }

  @Test
  void fecIsReportedOnlyWhenTheNextPacketCarriesRedundancyForExactlyTheLostFrame() {
    short[] voice = SpeechLike.voice(48_000, FRAME * 12, 12_000);
    List<byte[]> withFec = encode(FEC, voice);
    List<byte[]> without = encode(FEC.withInbandFec(false, 0), voice);
    short[] pcm = new short[FRAME * 3];
    try (LibopusDecoder decoder = Libopus.system().newDecoder(1)) {
      decodeAll(decoder, withFec.subList(0, 5));
      byte[] next = withFec.get(6);
      byte[] plain = without.get(6);
      // libopus itself would conceal in each of these cases and return a full frame.
      assertThat(decoder.decodeFec(plain, 0, plain.length, pcm, FRAME)).isZero();
      assertThat(decoder.decodeFec(next, 0, next.length, pcm, 2 * FRAME)).isZero();
      assertThat(decoder.decodeFec(next, 0, next.length, pcm, FRAME / 2)).isZero();
      assertThat(decoder.decodeFec(new byte[] {next[0]}, 0, 1, pcm, FRAME)).isZero();
      assertThat(decoder.decodeFec(next, 0, next.length, pcm, FRAME)).isEqualTo(FRAME);
      assertThat(Spectrum.rms(pcm, 0, FRAME)).isGreaterThan(500);
    }
  }

  @Test
  void malformedPayloadsNameLibopusErrorAndRecoverNothingThroughFec() {
    short[] pcm = new short[FRAME * 6];
    List<byte[]> packets = encode(FEC, SpeechLike.voice(48_000, FRAME * 4, 12_000));
    try (LibopusDecoder decoder = Libopus.system().newDecoder(1)) {
      byte[] invalid = {(byte) 0xFF, (byte) 0xFF, 1, 2, 3}; // code 3 with a frame count of 63
      assertThatThrownBy(() -> decoder.decode(invalid, 0, invalid.length, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("OPUS_INVALID_PACKET");
      assertThat(decoder.decodeFec(invalid, 0, invalid.length, pcm, FRAME)).isZero();
      Random random = new Random(7);
      for (int i = 0; i < 2_000; i++) {
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        assertThat(decoder.decodeFec(noise, 0, noise.length, pcm, FRAME)).isIn(0, FRAME);
      }
      assertThat(decoder.decode(packets.get(0), 0, packets.get(0).length, pcm)).isEqualTo(FRAME);
    }
  }

  @Test
  void aPacketLongerThanTheBufferIsACodecException() {
    List<byte[]> packets = encode(OpusEncoderSettings.voipDefaults(), new short[FRAME]);
    try (LibopusDecoder decoder = Libopus.system().newDecoder(1)) {
      assertThatThrownBy(
              () -> decoder.decode(packets.get(0), 0, packets.get(0).length, new short[480]))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("OPUS_BUFFER_TOO_SMALL");
    }
  }

  @Test
  void aClosedDecoderRefusesWorkAndClosingTwiceIsHarmless() {
    byte[] packet = encode(FEC, SpeechLike.voice(48_000, FRAME * 3, 12_000)).get(2);
    LibopusDecoder decoder = Libopus.system().newDecoder(1);
    decoder.close();
    decoder.close();
    short[] pcm = new short[FRAME];
    assertThatThrownBy(() -> decoder.decode(packet, 0, packet.length, pcm))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> decoder.conceal(pcm, FRAME)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> decoder.decodeFec(packet, 0, packet.length, pcm, FRAME))
        .isInstanceOf(IllegalStateException.class);
  }
}

package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.testing.SpeechLike;

/** The LBRR flag is found behind every framing of RFC 6716 §3.2, and malformed framing is no. */
class OpusLbrrTest {

  private static byte[] withLbrr;
  private static byte[] withoutLbrr;

  @BeforeAll
  static void encodeOneFrameWithAndOneWithoutRedundancy() {
    short[] voice = SpeechLike.voice(48_000, 960 * 8, 12_000);
    OpusEncoderSettings settings = OpusEncoderSettings.voipDefaults().withBitrateBps(24_000);
    try (OpusEncoder fec = new OpusCodec().newEncoder(settings.withInbandFec(true, 20));
        OpusEncoder plain = new OpusCodec().newEncoder(settings)) {
      withLbrr = SpeechLike.encode(fec, voice, 960).get(5);
      withoutLbrr = SpeechLike.encode(plain, voice, 960).get(5);
    }
    assertThat(OpusToc.frameCountCode(withLbrr[0])).isZero();
    assertThat(OpusToc.mode(withLbrr[0])).isEqualTo(OpusToc.Mode.SILK);
  }

  private static byte[] frame(byte[] codeZeroPacket) {
    return Arrays.copyOfRange(codeZeroPacket, 1, codeZeroPacket.length);
  }

  private static byte[] packet(int toc, byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(toc);
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static boolean lbrr(byte[] packet) {
    return OpusLbrr.hasLbrr(packet, 0, packet.length);
  }

  @Test
  void aSingleFramePacketSaysWhetherItCarriesLbrr() {
    assertThat(lbrr(withLbrr)).isTrue();
    assertThat(lbrr(withoutLbrr)).isFalse();
    byte[] shifted = packet(0x55, withLbrr);
    assertThat(OpusLbrr.hasLbrr(shifted, 1, withLbrr.length)).isTrue();
  }

  @Test
  void theFirstFrameDecidesWhateverTheFrameCountCode() {
    int toc = withLbrr[0] & 0xFC;
    byte[] yes = frame(withLbrr);
    byte[] no = frame(withoutLbrr);
    // Code 1: two frames of equal size.
    assertThat(lbrr(packet(toc | 1, yes, yes))).isTrue();
    // Code 2: the first frame's length, then both frames.
    assertThat(lbrr(packet(toc | 2, new byte[] {(byte) yes.length}, yes, no))).isTrue();
    assertThat(lbrr(packet(toc | 2, new byte[] {(byte) no.length}, no, yes))).isFalse();
    // Code 3, CBR, one frame, two bytes of padding (count byte 0x41, padding length 2).
    assertThat(lbrr(packet(toc | 3, new byte[] {0x41, 2}, yes, new byte[2]))).isTrue();
    // Code 3, VBR, two frames: one length byte for the first.
    assertThat(lbrr(packet(toc | 3, new byte[] {(byte) 0x82, (byte) yes.length}, yes, no)))
        .isTrue();
    assertThat(lbrr(packet(toc | 3, new byte[] {(byte) 0x82, (byte) no.length}, no, yes)))
        .isFalse();
  }

  @Test
  void packetsThatCannotCarryLbrrOrAreMalformedSayNo() {
    int toc = withLbrr[0] & 0xFC;
    byte[] yes = frame(withLbrr);
    List<byte[]> noes =
        List.of(
            new byte[] {(byte) toc}, // DTX: a zero-length frame
            packet(0xF8, yes), // CELT-only configuration 31
            packet(toc | 1, yes, yes, new byte[] {1}), // code 1 with an odd size
            packet(toc | 2, new byte[] {(byte) 253}), // code 2, length cut off
            packet(toc | 2, new byte[] {(byte) 200}, yes), // code 2, frame longer than the packet
            packet(toc | 3, new byte[] {0x00}, yes), // code 3 with zero frames
            packet(toc | 3, new byte[] {0x41, (byte) 255}), // padding past the end
            packet(toc | 3, new byte[] {(byte) 0x83, 5}), // VBR lengths cut off
            packet(toc | 2, new byte[] {0}, yes)); // code 2 whose first frame is empty
    assertThat(noes).allSatisfy(p -> assertThat(lbrr(p)).as(Arrays.toString(p)).isFalse());
    assertThat(OpusLbrr.hasLbrr(withLbrr, 0, withLbrr.length + 1)).isFalse();
  }
}

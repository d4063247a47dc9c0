package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketParserTest {

  /** V=2, no P/X/CC; M=1, PT=0 (PCMU); seq 0x1234; ts 0xDEADBEEF; SSRC 0x01020304; 3 bytes. */
  static final byte[] SIMPLE = {
    (byte) 0x80,
    (byte) 0x80,
    0x12,
    0x34, // V=2 P=0 X=0 CC=0 | M=1 PT=0 | seq
    (byte) 0xDE,
    (byte) 0xAD,
    (byte) 0xBE,
    (byte) 0xEF, // timestamp
    0x01,
    0x02,
    0x03,
    0x04, // SSRC
    0x7F,
    0x00,
    (byte) 0xFF // payload
  };

  /** CC=2 and X=1: two CSRCs, then a one-word extension (profile 0xBEDE), then payload AA BB. */
  static final byte[] CSRC_AND_EXTENSION = {
    (byte) 0x92,
    0x08,
    0x00,
    0x01, // V=2 P=0 X=1 CC=2 | M=0 PT=8 (PCMA) | seq 1
    0x00,
    0x00,
    0x00,
    (byte) 0xA0, // timestamp 160
    (byte) 0xCA,
    (byte) 0xFE,
    (byte) 0xBA,
    (byte) 0xBE, // SSRC
    0x00,
    0x00,
    0x00,
    0x11, // CSRC 1
    0x00,
    0x00,
    0x00,
    0x22, // CSRC 2
    (byte) 0xBE,
    (byte) 0xDE,
    0x00,
    0x01, // extension profile, length 1 word
    0x10,
    0x55,
    0x00,
    0x00, // extension data (skipped)
    (byte) 0xAA,
    (byte) 0xBB // payload
  };

  /** P=1: payload F0 F0 F0 F0 then padding 00 00 03 (the count includes itself). */
  static final byte[] PADDED = {
    (byte) 0xA0,
    0x00,
    0x00,
    0x07, // V=2 P=1 | PT=0 | seq 7
    0x00,
    0x00,
    0x00,
    0x00, // timestamp 0
    0x00,
    0x00,
    0x00,
    0x09, // SSRC 9
    (byte) 0xF0,
    (byte) 0xF0,
    (byte) 0xF0,
    (byte) 0xF0, // payload
    0x00,
    0x00,
    0x03 // padding, count 3
  };

  @Test
  void parsesTheFixedHeaderAndPayload() throws Exception {
    RtpPacket packet = RtpPacketParser.parse(SIMPLE);

    assertThat(packet.payloadType()).isZero();
    assertThat(packet.marker()).isTrue();
    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.timestamp()).isEqualTo(0xDEADBEEFL);
    assertThat(packet.ssrc()).isEqualTo(0x01020304L);
    assertThat(packet.csrcs()).isEmpty();
    assertThat(packet.payload()).containsExactly(0x7F, 0x00, 0xFF);
  }

  @Test
  void readsCsrcsAndSkipsTheHeaderExtension() throws Exception {
    RtpPacket packet = RtpPacketParser.parse(CSRC_AND_EXTENSION);

    assertThat(packet.payloadType()).isEqualTo(8);
    assertThat(packet.marker()).isFalse();
    assertThat(packet.ssrc()).isEqualTo(0xCAFEBABEL);
    assertThat(packet.csrcs()).containsExactly(0x11L, 0x22L);
    assertThat(packet.payload()).containsExactly(0xAA, 0xBB);
  }

  @Test
  void removesPadding() throws Exception {
    RtpPacket packet = RtpPacketParser.parse(PADDED);

    assertThat(packet.payload()).containsExactly(0xF0, 0xF0, 0xF0, 0xF0);
  }

  @Test
  void parsesFromAnOffsetWithinALargerBuffer() throws Exception {
    byte[] buffer = new byte[SIMPLE.length + 10];
    System.arraycopy(SIMPLE, 0, buffer, 5, SIMPLE.length);

    RtpPacket packet = RtpPacketParser.parse(buffer, 5, SIMPLE.length);

    assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
    assertThat(packet.payload()).containsExactly(0x7F, 0x00, 0xFF);
  }

  @Test
  void rejectsEveryTruncationOfTheFixedHeader() {
    for (int length = 0; length < 12; length++) {
      byte[] prefix = Arrays.copyOf(SIMPLE, length);
      assertThatThrownBy(() -> RtpPacketParser.parse(prefix))
          .isInstanceOf(RtpFormatException.class)
          .hasMessage(
              "RTP packet of " + length + " bytes is shorter than the 12-byte fixed header");
    }
  }

  @Test
  void rejectsEveryTruncationInsideTheCsrcListAndExtension() {
    for (int length = 12; length < 28; length++) {
      byte[] prefix = Arrays.copyOf(CSRC_AND_EXTENSION, length);
      String expected =
          length < 20
              ? "CSRC list of 2 entries needs 20 header bytes, packet has " + length
              : length < 24
                  ? "header extension header needs 24 bytes, packet has " + length
                  : "header extension of 1 words ends at byte 28, packet has " + length;
      assertThatThrownBy(() -> RtpPacketParser.parse(prefix))
          .isInstanceOf(RtpFormatException.class)
          .hasMessage(expected);
    }
  }

  @Test
  void truncationAfterTheHeaderOnlyShortensThePayload() throws Exception {
    // RTP has no payload length: a cut in the payload is undetectable without padding.
    assertThat(RtpPacketParser.parse(Arrays.copyOf(CSRC_AND_EXTENSION, 29)).payload())
        .containsExactly(0xAA);
    assertThat(RtpPacketParser.parse(Arrays.copyOf(CSRC_AND_EXTENSION, 28)).payload()).isEmpty();
  }

  @Test
  void rejectsEveryTruncationOfAPaddedPacket() {
    // Cut anywhere, the last octet is 0 (padding) or 0xF0 (more than the bytes left): both bad.
    for (int length = 12; length < PADDED.length; length++) {
      byte[] prefix = Arrays.copyOf(PADDED, length);
      assertThatThrownBy(() -> RtpPacketParser.parse(prefix))
          .as("length %d", length)
          .isInstanceOf(RtpFormatException.class)
          .hasMessageContaining("padding");
    }
  }

  @Test
  void rejectsAPaddingCountOfZero() {
    byte[] bad = PADDED.clone();
    bad[bad.length - 1] = 0;

    assertThatThrownBy(() -> RtpPacketParser.parse(bad))
        .isInstanceOf(RtpFormatException.class)
        .hasMessage("padding bit set but padding count is 0");
  }

  @Test
  void rejectsAPaddingCountLargerThanWhatFollowsTheHeader() {
    byte[] bad = PADDED.clone();
    bad[bad.length - 1] = 8; // 7 bytes follow the header

    assertThatThrownBy(() -> RtpPacketParser.parse(bad))
        .isInstanceOf(RtpFormatException.class)
        .hasMessage("padding count 8 exceeds the 7 bytes after the header");
  }

  @Test
  void acceptsPaddingThatFillsEverythingAfterTheHeader() throws Exception {
    byte[] allPadding = PADDED.clone();
    allPadding[allPadding.length - 1] = 7;

    assertThat(RtpPacketParser.parse(allPadding).payload()).isEmpty();
  }

  @Test
  void rejectsVersionsOtherThanTwo() {
    for (int version : new int[] {0, 1, 3}) {
      byte[] bad = SIMPLE.clone();
      bad[0] = (byte) ((version << 6) | (bad[0] & 0x3F));
      assertThatThrownBy(() -> RtpPacketParser.parse(bad))
          .isInstanceOf(RtpFormatException.class)
          .hasMessage("RTP version " + version + ", expected 2");
    }
  }

  @Test
  void writerProducesTheFixtureBytes() {
    RtpPacket packet =
        RtpPacket.of(0, true, 0x1234, 0xDEADBEEFL, 0x01020304L, new byte[] {0x7F, 0, (byte) 0xFF});

    assertThat(RtpPacketWriter.write(packet)).containsExactly(SIMPLE);
  }

  @Test
  void writerPadsWithTheCountInTheLastOctet() {
    RtpPacket packet =
        RtpPacket.of(
            0, false, 7, 0, 9, new byte[] {(byte) 0xF0, (byte) 0xF0, (byte) 0xF0, (byte) 0xF0});

    assertThat(RtpPacketWriter.write(packet, 3)).containsExactly(PADDED);
  }

  @Test
  void writtenPacketsWithCsrcsParseBackEqual() throws Exception {
    RtpPacket packet =
        new RtpPacket(
            111,
            true,
            65535,
            0xFFFF_FFFFL,
            0x8000_0000L,
            List.of(1L, 0xFFFF_FFFFL),
            new byte[] {1, 2, 3});

    RtpPacket back = RtpPacketParser.parse(RtpPacketWriter.write(packet, 5));

    assertThat(back).usingRecursiveComparison().isEqualTo(packet);
  }

  @Test
  void demultiplexerTellsRtcpFromRtpBySecondOctet() {
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 200}, 0, 2)).isTrue();
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 201}, 0, 2)).isTrue();
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 223}, 0, 2)).isTrue();
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 224}, 0, 2)).isFalse();
    // PCMU with the marker bit (0x80) and Opus PT 111 with the marker (0xEF) are RTP.
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 0x80}, 0, 2)).isFalse();
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80, (byte) 0xEF}, 0, 2)).isFalse();
    assertThat(RtpDemultiplexer.isRtcp(new byte[] {(byte) 0x80}, 0, 1)).isFalse();
  }
}

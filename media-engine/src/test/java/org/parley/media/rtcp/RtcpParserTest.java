package org.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.media.rtcp.RtcpFixtures.RR_APP;
import static org.parley.media.rtcp.RtcpFixtures.RR_TRUNCATED_BLOCKS;
import static org.parley.media.rtcp.RtcpFixtures.SR_SDES_BYE;
import static org.parley.media.rtcp.RtcpFixtures.bytes;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpParserTest {

  static final ReportBlock BLOCK =
      new ReportBlock(0x55667788L, 64, -2, 0x10010L, 32, 0xB7052000L, 0x54000L);

  static final List<RtcpPacket> SR_SDES_BYE_PACKETS =
      List.of(
          new SenderReport(0x11223344L, 0xE1B2C3D4_80000000L, 1000, 100, 16000, List.of(BLOCK)),
          SourceDescription.cname(0x11223344L, "alice@host"),
          new Bye(List.of(0x11223344L), "bye"));

  @Test
  void parsesSenderReportSdesAndBye() throws Exception {
    List<RtcpPacket> packets = RtcpParser.parseCompound(SR_SDES_BYE);

    assertThat(packets).isEqualTo(SR_SDES_BYE_PACKETS);
    assertThat(((SourceDescription) packets.get(1)).cnameOf(0x11223344L)).contains("alice@host");
  }

  @Test
  void writesTheFixtureBytes() {
    assertThat(RtcpWriter.writeCompound(SR_SDES_BYE_PACKETS)).containsExactly(SR_SDES_BYE);
  }

  @Test
  void cumulativeLostIsSignExtendedFrom24Bits() throws Exception {
    SenderReport sr = (SenderReport) RtcpParser.parseCompound(SR_SDES_BYE).get(0);

    assertThat(sr.reportBlocks().get(0).cumulativeLost()).isEqualTo(-2);
  }

  @Test
  void everyTruncationFailsExceptAtPacketBoundaries() throws Exception {
    for (int length = 0; length < SR_SDES_BYE.length; length++) {
      byte[] prefix = Arrays.copyOf(SR_SDES_BYE, length);
      if (length == 52 || length == 76) {
        // A cut between packets leaves a shorter, valid compound packet.
        assertThat(RtcpParser.parseCompound(prefix)).hasSize(length == 52 ? 1 : 2);
      } else {
        assertThatThrownBy(() -> RtcpParser.parseCompound(prefix))
            .as("length %d", length)
            .isInstanceOf(RtcpFormatException.class);
      }
    }
  }

  @Test
  void rejectsALengthFieldBeyondTheDatagram() {
    byte[] bad = SR_SDES_BYE.clone();
    bad[3] = 0x20; // SR claims 33 words = 132 bytes

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage(
            "RTCP packet type 200 at offset 0 has length 132 bytes, beyond the 88-byte datagram");
  }

  @Test
  void rejectsABadVersionInAnyPacket() {
    byte[] bad = SR_SDES_BYE.clone();
    bad[52] = (byte) 0x41; // SDES with V=1

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("RTCP version 1 at offset 52, expected 2");
  }

  @Test
  void rejectsACompoundThatDoesNotStartWithAReport() {
    byte[] sdesOnly = Arrays.copyOfRange(SR_SDES_BYE, 52, 76);

    assertThatThrownBy(() -> RtcpParser.parseCompound(sdesOnly))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("compound RTCP must start with SR or RR, found packet type 202");
  }

  @Test
  void rejectsReportBlocksThatDoNotFitTheLength() {
    assertThatThrownBy(() -> RtcpParser.parseCompound(RR_TRUNCATED_BLOCKS))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("RR with 2 report blocks needs 52 body bytes, has 28");
  }

  @Test
  void rejectsPaddingOnAPacketThatIsNotLast() {
    byte[] bad = SR_SDES_BYE.clone();
    bad[0] = (byte) 0xA1; // SR with P=1

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("padding bit set on packet type 200 at offset 0, which is not the last packet");
  }

  @Test
  void acceptsPaddingOnTheLastPacketAndRejectsABadCount() throws Exception {
    byte[] padded = bytes(0xA0, 0xC9, 0x00, 0x02, 0, 0, 0, 7, 0, 0, 0, 4); // RR + 4 padding bytes
    assertThat(RtcpParser.parseCompound(padded)).containsExactly(new ReceiverReport(7, List.of()));

    byte[] bad = padded.clone();
    bad[11] = 9; // more than the 8-byte body
    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("padding count 9 invalid for a 8-byte body");
  }

  @Test
  void rejectsAnSdesItemRunningPastThePacket() {
    byte[] bad = Arrays.copyOf(SR_SDES_BYE, 76);
    bad[61] = 0x20; // CNAME claims 32 bytes

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("SDES item type 1 says 32 bytes, 14 remain");
  }

  @Test
  void rejectsAByeListingMoreSourcesThanItHolds() {
    byte[] bad = SR_SDES_BYE.clone();
    bad[76] = (byte) 0x83; // BYE claims 3 SSRCs in an 8-byte body

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("BYE with 3 SSRCs needs 12 bytes, has 8");
  }

  @Test
  void keepsUnknownPacketTypesRawAndWritesThemBack() throws Exception {
    List<RtcpPacket> packets = RtcpParser.parseCompound(RR_APP);

    assertThat(packets.get(0)).isEqualTo(new ReceiverReport(7, List.of()));
    UnknownRtcpPacket app = (UnknownRtcpPacket) packets.get(1);
    assertThat(app.packetType()).isEqualTo(RtcpPacket.APP);
    assertThat(app.count()).isEqualTo(3);
    assertThat(app.body()).containsExactly(0, 0, 0, 7, 'P', 'R', 'L', 'Y');
    assertThat(RtcpWriter.writeCompound(packets)).containsExactly(RR_APP);
  }

  @Test
  void rejectsTrailingBytesThatAreNotAHeader() {
    byte[] bad = Arrays.copyOf(RR_APP, 10);

    assertThatThrownBy(() -> RtcpParser.parseCompound(bad))
        .isInstanceOf(RtcpFormatException.class)
        .hasMessage("2 trailing bytes at offset 8 are not a header");
  }

  @Test
  void acceptsACnameOfInvalidUtf8ThatDecodesLongerThan255Bytes() throws Exception {
    // RR (8) + SDES header (4) + SSRC (4) + type, length, 255 bytes, end octet, 2 of padding.
    byte[] datagram = new byte[8 + 4 + 4 + 2 + 255 + 1 + 2];
    byte[] head = bytes(0x80, 0xC9, 0x00, 0x01, 0, 0, 0, 1, 0x81, 0xCA, 0x00, 0x42, 0, 0, 0, 1);
    System.arraycopy(head, 0, datagram, 0, head.length);
    datagram[16] = 1; // CNAME
    datagram[17] = (byte) 255;
    Arrays.fill(datagram, 18, 18 + 255, (byte) 0xFF); // never valid UTF-8

    SourceDescription sdes = (SourceDescription) RtcpParser.parseCompound(datagram).get(1);

    assertThat(sdes.cnameOf(1)).hasValueSatisfying(text -> assertThat(text).hasSize(255));
  }

  @Test
  void writerRefusesItemsLongerThan255Bytes() {
    List<RtcpPacket> compound =
        List.of(new ReceiverReport(1, List.of()), SourceDescription.cname(1, "é".repeat(128)));

    assertThatThrownBy(() -> RtcpWriter.writeCompound(compound))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SDES item longer than 255 bytes of UTF-8");
  }

  @Test
  void writerRefusesACompoundWithoutALeadingReport() {
    assertThatThrownBy(() -> RtcpWriter.writeCompound(List.of(SourceDescription.cname(1, "x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

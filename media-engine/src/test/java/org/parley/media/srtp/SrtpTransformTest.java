package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.media.srtp.SrtpRfc3711VectorsTest.rtp;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpTransformTest {

  private static final long SSRC = 0x1122_3344L;

  private static final SrtpMasterKey KEY =
      new SrtpMasterKey(
          SrtpReference.HEX.parseHex("000102030405060708090A0B0C0D0E0F"),
          SrtpReference.HEX.parseHex("A0A1A2A3A4A5A6A7A8A9AAABACAD"));

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void rtpRoundTripsAndIsEncryptedOnTheWire(SrtpSuite suite) {
    SrtpTransform sender = SrtpTransform.forSending(suite, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(suite, KEY);
    byte[] rtp = rtp(1000, SSRC, 160);

    byte[] srtp = sender.protectRtp(rtp);
    SrtpUnprotectResult result = receiver.unprotectRtp(srtp);

    assertThat(srtp).hasSize(rtp.length + suite.rtpAuthTagLengthBytes());
    assertThat(Arrays.copyOfRange(srtp, 0, 12)).isEqualTo(Arrays.copyOfRange(rtp, 0, 12));
    assertThat(Arrays.copyOfRange(srtp, 12, 172)).isNotEqualTo(Arrays.copyOfRange(rtp, 12, 172));
    assertThat(result.verdict()).isEqualTo(SrtpVerdict.ACCEPTED);
    assertThat(result.packet()).isEqualTo(rtp);
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void rtcpRoundTripsWithIndexAndEightyBitTag(SrtpSuite suite) {
    SrtpTransform sender = SrtpTransform.forSending(suite, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(suite, KEY);
    byte[] rtcp = rtcpReceiverReport(SSRC);

    byte[] srtcp = sender.protectRtcp(rtcp);
    SrtpUnprotectResult result = receiver.unprotectRtcp(srtcp);

    assertThat(srtcp).hasSize(rtcp.length + 4 + 10);
    assertThat(srtcp[rtcp.length] & 0x80).as("E flag").isEqualTo(0x80);
    assertThat(result.verdict()).isEqualTo(SrtpVerdict.ACCEPTED);
    assertThat(result.packet()).isEqualTo(rtcp);
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void oneFlippedBitAnywhereFailsAuthentication(SrtpSuite suite) {
    SrtpTransform sender = SrtpTransform.forSending(suite, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(suite, KEY);
    byte[] srtp = sender.protectRtp(rtp(7, SSRC, 40));

    for (int bit : new int[] {8 * 5, 8 * 20 + 3, 8 * srtp.length - 1}) {
      byte[] tampered = srtp.clone();
      tampered[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(receiver.unprotectRtp(tampered).verdict())
          .as("bit %d", bit)
          .isEqualTo(SrtpVerdict.AUTHENTICATION_FAILED);
    }
    assertThat(receiver.unprotectRtp(srtp).isAccepted()).isTrue();
  }

  @Test
  void tamperedRtcpFailsAuthentication() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[] srtcp = sender.protectRtcp(rtcpReceiverReport(SSRC));
    srtcp[12] ^= 0x01;

    assertThat(receiver.unprotectRtcp(srtcp).verdict())
        .isEqualTo(SrtpVerdict.AUTHENTICATION_FAILED);
  }

  @Test
  void aPacketKeyedWithAnotherKeyFailsAuthentication() {
    SrtpMasterKey other = new SrtpMasterKey(new byte[16], new byte[14]);
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, other);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);

    assertThat(receiver.unprotectRtp(sender.protectRtp(rtp(1, SSRC, 20))).verdict())
        .isEqualTo(SrtpVerdict.AUTHENTICATION_FAILED);
  }

  @Test
  void theSamePacketTwiceIsARejectedReplay() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[] srtp = sender.protectRtp(rtp(500, SSRC, 20));

    assertThat(receiver.unprotectRtp(srtp).verdict()).isEqualTo(SrtpVerdict.ACCEPTED);
    assertThat(receiver.unprotectRtp(srtp).verdict()).isEqualTo(SrtpVerdict.REPLAYED);
  }

  @Test
  void theSameRtcpPacketTwiceIsARejectedReplay() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[] srtcp = sender.protectRtcp(rtcpReceiverReport(SSRC));

    assertThat(receiver.unprotectRtcp(srtcp).verdict()).isEqualTo(SrtpVerdict.ACCEPTED);
    assertThat(receiver.unprotectRtcp(srtcp).verdict()).isEqualTo(SrtpVerdict.REPLAYED);
  }

  @Test
  void lateButInsideTheWindowIsAcceptedAndFarBehindIsRejected() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[][] sent = new byte[201][];
    for (int seq = 1; seq <= 200; seq++) {
      sent[seq] = sender.protectRtp(rtp(seq, SSRC, 20));
    }

    assertThat(receiver.unprotectRtp(sent[1]).isAccepted()).isTrue();
    assertThat(receiver.unprotectRtp(sent[200]).isAccepted()).isTrue();
    // 10 behind the newest and never seen: reordering, not a replay.
    assertThat(receiver.unprotectRtp(sent[190]).verdict()).isEqualTo(SrtpVerdict.ACCEPTED);
    // 100 behind the newest: outside the 64-packet window, so it cannot be proven fresh.
    assertThat(receiver.unprotectRtp(sent[100]).verdict())
        .isEqualTo(SrtpVerdict.OUTSIDE_REPLAY_WINDOW);
  }

  @Test
  void sequenceNumbersWrappingPastZeroKeepDecrypting() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);

    for (int i = 0; i < 20; i++) {
      int seq = (65_530 + i) & 0xFFFF;
      byte[] rtp = rtp(seq, SSRC, 20);
      SrtpUnprotectResult result = receiver.unprotectRtp(sender.protectRtp(rtp));
      assertThat(result.packet()).as("seq %d", seq).isEqualTo(rtp);
    }
  }

  @Test
  void malformedPacketsAreReportedNotThrown() {
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[] notVersion2 = rtp(1, SSRC, 20);
    notVersion2[0] = 0x40;
    byte[] csrcsPastTheEnd = rtp(1, SSRC, 4);
    csrcsPastTheEnd[0] = (byte) 0x8F;

    assertThat(receiver.unprotectRtp(new byte[0]).verdict()).isEqualTo(SrtpVerdict.MALFORMED);
    assertThat(receiver.unprotectRtp(new byte[15]).verdict()).isEqualTo(SrtpVerdict.MALFORMED);
    assertThat(receiver.unprotectRtp(notVersion2).verdict()).isEqualTo(SrtpVerdict.MALFORMED);
    assertThat(receiver.unprotectRtp(csrcsPastTheEnd).verdict()).isEqualTo(SrtpVerdict.MALFORMED);
    assertThat(receiver.unprotectRtcp(new byte[10]).verdict()).isEqualTo(SrtpVerdict.MALFORMED);
  }

  @Test
  void protectRefusesWhatIsNotRtpAndTheWrongDirection() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);

    assertThatThrownBy(() -> sender.protectRtp(new byte[5]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> receiver.protectRtp(rtp(1, SSRC, 20)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> sender.unprotectRtp(rtp(1, SSRC, 20)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void forgedSourcesDoNotDisplaceAnAuthenticatedOne() {
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    SrtpTransform receiver = SrtpTransform.forReceiving(SrtpSuite.AES_CM_128_HMAC_SHA1_80, KEY);
    byte[] first = sender.protectRtp(rtp(10, SSRC, 20));
    assertThat(receiver.unprotectRtp(first).isAccepted()).isTrue();

    for (long forged = 1; forged <= 100; forged++) {
      byte[] junk = rtp(10, forged, 30);
      assertThat(receiver.unprotectRtp(junk).verdict())
          .isEqualTo(SrtpVerdict.AUTHENTICATION_FAILED);
    }

    // The real source's replay state survived, so the old packet is still a replay.
    assertThat(receiver.unprotectRtp(first).verdict()).isEqualTo(SrtpVerdict.REPLAYED);
  }

  /** An RTCP receiver report with one report block (RFC 3550 §6.4.2), 32 bytes. */
  static byte[] rtcpReceiverReport(long ssrc) {
    byte[] packet = new byte[32];
    packet[0] = (byte) 0x81;
    packet[1] = (byte) 201;
    packet[3] = 7;
    for (int i = 0; i < 4; i++) {
      packet[4 + i] = (byte) (ssrc >>> (8 * (3 - i)));
    }
    for (int i = 8; i < packet.length; i++) {
      packet[i] = (byte) i;
    }
    return packet;
  }
}

package org.parley.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.srtp.SrtpReference.HEX;

import java.util.Arrays;
import javax.crypto.Cipher;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.SrtpCipherCtr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** RFC 3711 Appendix B test vectors, checked against jitsi-srtp and through our transform. */
class SrtpRfc3711VectorsTest {

  // B.2: AES-CM keystream; the session salt is given already shifted.
  private static final byte[] B2_SESSION_KEY = HEX.parseHex("2B7E151628AED2A6ABF7158809CF4F3C");
  private static final byte[] B2_IV = HEX.parseHex("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
  private static final int B2_KEYSTREAM_BYTES = 1_044_512;
  private static final String B2_FIRST_48 =
      "E03EAD0935C95E80E166B16DD92B4EB4"
          + "D23513162B02D0F72A43A2FE4A5F97AB"
          + "41E95B3BB0A2E8DD477901E4FCA894C0";
  private static final String B2_LAST_48 =
      "EC8CDF7398607CB0F2D21675EA9EA1E4"
          + "362B7C3C6773516318A077D7FC5073AE"
          + "6A2CC3787889374FBEB4C81B17BA6C44";

  // B.3: key derivation.
  private static final byte[] B3_MASTER_KEY = HEX.parseHex("E1F97A0D3E018BE0D64FA32C06DE4139");
  private static final byte[] B3_MASTER_SALT = HEX.parseHex("0EC675AD498AFEEBB6960B3AABE6");

  @Test
  void jitsiCounterModeCipherProducesTheB2Keystream() throws Exception {
    SrtpCipherCtr cipher = new SrtpCipherCtr(Aes.createCipher("AES/CTR/NoPadding"));
    cipher.init(B2_SESSION_KEY, null);
    cipher.setIV(B2_IV, Cipher.ENCRYPT_MODE);
    byte[] keystream = new byte[B2_KEYSTREAM_BYTES];
    cipher.process(keystream, 0, keystream.length);

    assertB2Keystream(keystream);
  }

  @Test
  void referenceCounterModeProducesTheB2Keystream() throws Exception {
    assertB2Keystream(SrtpReference.aesCm(B2_SESSION_KEY, B2_IV, new byte[B2_KEYSTREAM_BYTES]));
  }

  @Test
  void referenceKeyDerivationProducesTheB3SessionKeys() throws Exception {
    assertThat(derive(SrtpReference.LABEL_RTP_ENCRYPTION, 16))
        .isEqualTo("C61E7A93744F39EE10734AFE3FF7A087");
    assertThat(derive(SrtpReference.LABEL_RTP_SALT, 14)).isEqualTo("30CBBC08863D8C85D49DB34A9AE1");
    assertThat(derive(SrtpReference.LABEL_RTP_AUTH, 20))
        .isEqualTo("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4");
  }

  @ParameterizedTest
  @EnumSource(SrtpSuite.class)
  void rtpProtectedWithTheB3MasterKeyMatchesTheReferenceByteForByte(SrtpSuite suite)
      throws Exception {
    byte[] rtp = rtp(0x1234, 0xCAFEBABEL, 160);
    SrtpTransform sender = SrtpTransform.forSending(suite, b3Key());

    byte[] protectedPacket = sender.protectRtp(rtp);

    byte[] expected =
        SrtpReference.protectRtp(
            B3_MASTER_KEY, B3_MASTER_SALT, rtp, 0, suite.rtpAuthTagLengthBytes());
    assertThat(HEX.formatHex(protectedPacket)).isEqualTo(HEX.formatHex(expected));
  }

  @Test
  void rtcpProtectedWithTheB3MasterKeyMatchesTheReferenceByteForByte() throws Exception {
    byte[] rtcp = SrtpTransformTest.rtcpReceiverReport(0xCAFEBABEL);
    SrtpTransform sender = SrtpTransform.forSending(SrtpSuite.AES_CM_128_HMAC_SHA1_32, b3Key());

    byte[] first = sender.protectRtcp(rtcp);
    byte[] second = sender.protectRtcp(rtcp);

    // jitsi-srtp numbers SRTCP packets from 0; the second packet must carry index 1.
    assertThat(HEX.formatHex(first))
        .isEqualTo(
            HEX.formatHex(SrtpReference.protectRtcp(B3_MASTER_KEY, B3_MASTER_SALT, rtcp, 0)));
    assertThat(HEX.formatHex(second))
        .isEqualTo(
            HEX.formatHex(SrtpReference.protectRtcp(B3_MASTER_KEY, B3_MASTER_SALT, rtcp, 1)));
  }

  static SrtpMasterKey b3Key() {
    return new SrtpMasterKey(B3_MASTER_KEY, B3_MASTER_SALT);
  }

  /** An RTP packet with a 12-byte header, payload type 0 and a counting payload. */
  static byte[] rtp(int sequenceNumber, long ssrc, int payloadBytes) {
    byte[] packet = new byte[12 + payloadBytes];
    packet[0] = (byte) 0x80;
    packet[1] = 0;
    packet[2] = (byte) (sequenceNumber >>> 8);
    packet[3] = (byte) sequenceNumber;
    packet[4] = 0x00;
    packet[5] = 0x01;
    packet[6] = 0x02;
    packet[7] = 0x03;
    for (int i = 0; i < 4; i++) {
      packet[8 + i] = (byte) (ssrc >>> (8 * (3 - i)));
    }
    for (int i = 0; i < payloadBytes; i++) {
      packet[12 + i] = (byte) (i * 7 + sequenceNumber);
    }
    return packet;
  }

  private static String derive(int label, int lengthBytes) throws Exception {
    return HEX.formatHex(
        SrtpReference.deriveSessionKey(B3_MASTER_KEY, B3_MASTER_SALT, label, lengthBytes));
  }

  private static void assertB2Keystream(byte[] keystream) {
    assertThat(HEX.formatHex(Arrays.copyOfRange(keystream, 0, 48))).isEqualTo(B2_FIRST_48);
    assertThat(
            HEX.formatHex(Arrays.copyOfRange(keystream, keystream.length - 48, keystream.length)))
        .isEqualTo(B2_LAST_48);
  }
}

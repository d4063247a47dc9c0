package org.parley.media.srtp;

import java.util.Optional;
import org.jitsi.srtp.SrtpPolicy;

/**
 * The SRTP crypto suites Parley speaks (RFC 4568 §6.2): AES counter mode with a 128-bit master key,
 * HMAC-SHA1 authentication, and an 80- or 32-bit RTP authentication tag.
 */
public enum SrtpSuite {
  /** The default suite, with a 10-byte tag on RTP and RTCP. */
  AES_CM_128_HMAC_SHA1_80(10),
  /** A 4-byte tag on RTP only; SRTCP keeps its 10-byte tag (RFC 4568 §6.2.2). */
  AES_CM_128_HMAC_SHA1_32(4);

  /** Master key length for both suites (RFC 4568 §6.2.1). */
  public static final int MASTER_KEY_LENGTH_BYTES = 16;

  /** Master salt length for both suites. */
  public static final int MASTER_SALT_LENGTH_BYTES = 14;

  /** SRTCP always carries an 80-bit tag with these suites. */
  static final int RTCP_AUTH_TAG_LENGTH_BYTES = 10;

  /** HMAC-SHA1 session authentication key length (RFC 3711 §8.2: n_a = 160). */
  private static final int AUTH_KEY_LENGTH_BYTES = 20;

  private final int rtpAuthTagLengthBytes;

  SrtpSuite(int rtpAuthTagLengthBytes) {
    this.rtpAuthTagLengthBytes = rtpAuthTagLengthBytes;
  }

  /** The suite named as in an {@code a=crypto} line, if Parley supports it. */
  public static Optional<SrtpSuite> fromName(String name) {
    for (SrtpSuite suite : values()) {
      if (suite.name().equals(name)) {
        return Optional.of(suite);
      }
    }
    return Optional.empty();
  }

  /** The length of the RTP authentication tag appended to every SRTP packet. */
  public int rtpAuthTagLengthBytes() {
    return rtpAuthTagLengthBytes;
  }

  /** The length of the inline key parameter: master key followed by master salt. */
  public int keySaltLengthBytes() {
    return MASTER_KEY_LENGTH_BYTES + MASTER_SALT_LENGTH_BYTES;
  }

  SrtpPolicy rtpPolicy() {
    return policy(rtpAuthTagLengthBytes);
  }

  SrtpPolicy rtcpPolicy() {
    return policy(RTCP_AUTH_TAG_LENGTH_BYTES);
  }

  private static SrtpPolicy policy(int tagLengthBytes) {
    SrtpPolicy policy =
        new SrtpPolicy(
            SrtpPolicy.AESCM_ENCRYPTION,
            MASTER_KEY_LENGTH_BYTES,
            SrtpPolicy.HMACSHA1_AUTHENTICATION,
            AUTH_KEY_LENGTH_BYTES,
            tagLengthBytes,
            MASTER_SALT_LENGTH_BYTES);
    // The sender-side check is only a self-test in jitsi-srtp and would refuse a retransmission
    // with the same sequence number; the receiver's check is the replay protection that matters.
    policy.setSendReplayEnabled(false);
    policy.setReceiveReplayEnabled(true);
    return policy;
  }
}

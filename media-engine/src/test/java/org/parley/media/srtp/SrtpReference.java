package org.parley.media.srtp;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A deliberately plain, independent model of RFC 3711's AES-CM and HMAC-SHA1 transforms written
 * from the RFC with javax.crypto, so tests can check jitsi-srtp's output byte for byte.
 */
final class SrtpReference {

  static final HexFormat HEX = HexFormat.of().withUpperCase();

  static final int LABEL_RTP_ENCRYPTION = 0;
  static final int LABEL_RTP_AUTH = 1;
  static final int LABEL_RTP_SALT = 2;
  static final int LABEL_RTCP_ENCRYPTION = 3;
  static final int LABEL_RTCP_AUTH = 4;
  static final int LABEL_RTCP_SALT = 5;

  private SrtpReference() {}

  /** AES in counter mode from {@code iv} (RFC 3711 §4.1.1); XOR with zeros gives the keystream. */
  static byte[] aesCm(byte[] key, byte[] iv, byte[] data) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    return cipher.doFinal(data);
  }

  /** The key derivation of RFC 3711 §4.3 with key_derivation_rate 0 (so r = 0). */
  static byte[] deriveSessionKey(byte[] masterKey, byte[] masterSalt, int label, int lengthBytes)
      throws GeneralSecurityException {
    // x = (label || r) XOR master_salt, with the 56-bit key_id right-aligned in the 112-bit salt;
    // the PRF's IV is x * 2^16.
    byte[] iv = new byte[16];
    System.arraycopy(masterSalt, 0, iv, 0, 14);
    iv[7] ^= (byte) label;
    return aesCm(masterKey, iv, new byte[lengthBytes]);
  }

  /** SRTP protection of one RTP packet with a 12-byte header (RFC 3711 §3.3, §4.1.1, §4.2). */
  static byte[] protectRtp(byte[] masterKey, byte[] masterSalt, byte[] rtp, long roc, int tagBytes)
      throws GeneralSecurityException {
    byte[] encKey = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_ENCRYPTION, 16);
    byte[] authKey = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_AUTH, 20);
    byte[] salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTP_SALT, 14);
    long seq = ((rtp[2] & 0xFF) << 8) | (rtp[3] & 0xFF);
    long index = (roc << 16) | seq;
    byte[] iv = counterIv(salt, Arrays.copyOfRange(rtp, 8, 12), index);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(rtp, 0, 12);
    out.writeBytes(aesCm(encKey, iv, Arrays.copyOfRange(rtp, 12, rtp.length)));
    byte[] authenticated = out.toByteArray();
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
    mac.update(authenticated);
    mac.update(
        new byte[] {(byte) (roc >>> 24), (byte) (roc >>> 16), (byte) (roc >>> 8), (byte) roc});
    out.write(mac.doFinal(), 0, tagBytes);
    return out.toByteArray();
  }

  /** SRTCP protection (RFC 3711 §3.4) with the given 31-bit SRTCP index and an 80-bit tag. */
  static byte[] protectRtcp(byte[] masterKey, byte[] masterSalt, byte[] rtcp, int srtcpIndex)
      throws GeneralSecurityException {
    byte[] encKey = deriveSessionKey(masterKey, masterSalt, LABEL_RTCP_ENCRYPTION, 16);
    byte[] authKey = deriveSessionKey(masterKey, masterSalt, LABEL_RTCP_AUTH, 20);
    byte[] salt = deriveSessionKey(masterKey, masterSalt, LABEL_RTCP_SALT, 14);
    byte[] iv = counterIv(salt, Arrays.copyOfRange(rtcp, 4, 8), srtcpIndex);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(rtcp, 0, 8);
    out.writeBytes(aesCm(encKey, iv, Arrays.copyOfRange(rtcp, 8, rtcp.length)));
    int eAndIndex = 0x8000_0000 | srtcpIndex;
    out.writeBytes(
        new byte[] {
          (byte) (eAndIndex >>> 24),
          (byte) (eAndIndex >>> 16),
          (byte) (eAndIndex >>> 8),
          (byte) eAndIndex
        });
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(authKey, "HmacSHA1"));
    out.write(mac.doFinal(out.toByteArray()), 0, 10);
    return out.toByteArray();
  }

  /** IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16), RFC 3711 §4.1.1. */
  private static byte[] counterIv(byte[] sessionSalt, byte[] ssrc, long index) {
    byte[] iv = new byte[16];
    System.arraycopy(sessionSalt, 0, iv, 0, 14);
    for (int i = 0; i < 4; i++) {
      iv[4 + i] ^= ssrc[i];
    }
    for (int i = 0; i < 6; i++) {
      iv[8 + i] ^= (byte) (index >>> (8 * (5 - i)));
    }
    return iv;
  }
}

package org.parley.media.srtp;

import java.util.Arrays;

/**
 * The master key and master salt of one SRTP direction (RFC 3711 §3.2.1), as SDES carries them.
 *
 * <p>Never printed: {@link #toString()} hides the bytes so a key cannot reach a log by accident.
 */
public final class SrtpMasterKey {

  private final byte[] masterKey;
  private final byte[] masterSalt;

  /**
   * Copies a master key and salt.
   *
   * @param masterKey 16 bytes for the AES-128 suites
   * @param masterSalt 14 bytes
   */
  public SrtpMasterKey(byte[] masterKey, byte[] masterSalt) {
    if (masterKey.length != SrtpSuite.MASTER_KEY_LENGTH_BYTES) {
      throw new IllegalArgumentException("master key must be 16 bytes, was " + masterKey.length);
    }
    if (masterSalt.length != SrtpSuite.MASTER_SALT_LENGTH_BYTES) {
      throw new IllegalArgumentException("master salt must be 14 bytes, was " + masterSalt.length);
    }
    this.masterKey = masterKey.clone();
    this.masterSalt = masterSalt.clone();
  }

  /** Splits the concatenated key||salt of an SDES inline key parameter. */
  public static SrtpMasterKey fromKeySalt(byte[] keySalt) {
    int keyLength = SrtpSuite.MASTER_KEY_LENGTH_BYTES;
    if (keySalt.length != keyLength + SrtpSuite.MASTER_SALT_LENGTH_BYTES) {
      throw new IllegalArgumentException("key||salt must be 30 bytes, was " + keySalt.length);
    }
    return new SrtpMasterKey(
        Arrays.copyOfRange(keySalt, 0, keyLength),
        Arrays.copyOfRange(keySalt, keyLength, keySalt.length));
  }

  public byte[] masterKey() {
    return masterKey.clone();
  }

  public byte[] masterSalt() {
    return masterSalt.clone();
  }

  /** The concatenation an SDES inline key parameter carries. */
  public byte[] keySalt() {
    byte[] keySalt = Arrays.copyOf(masterKey, masterKey.length + masterSalt.length);
    System.arraycopy(masterSalt, 0, keySalt, masterKey.length, masterSalt.length);
    return keySalt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrtpMasterKey that
        && Arrays.equals(masterKey, that.masterKey)
        && Arrays.equals(masterSalt, that.masterSalt);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(masterKey) + Arrays.hashCode(masterSalt);
  }

  @Override
  public String toString() {
    return "SrtpMasterKey[redacted]";
  }
}

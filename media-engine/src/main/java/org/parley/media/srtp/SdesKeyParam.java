package org.parley.media.srtp;

import java.util.Arrays;

/**
 * One {@code inline:} key parameter of an SDES crypto attribute (RFC 4568 §6.1): the master key
 * concatenated with the master salt, an optional key lifetime and an optional MKI.
 *
 * @param keySalt master key followed by master salt, already base64-decoded
 * @param lifetimePackets how many packets the key may protect, or 0 when not given
 * @param mkiValue the master key identifier, meaningful only when {@code mkiLengthBytes} is set
 * @param mkiLengthBytes the MKI field length in SRTP packets (1..128), or 0 for no MKI
 */
public record SdesKeyParam(
    byte[] keySalt, long lifetimePackets, long mkiValue, int mkiLengthBytes) {

  public SdesKeyParam {
    keySalt = keySalt.clone();
    if (keySalt.length == 0) {
      throw new IllegalArgumentException("empty key");
    }
    if (lifetimePackets < 0) {
      throw new IllegalArgumentException("negative lifetime: " + lifetimePackets);
    }
    if (mkiLengthBytes < 0 || mkiLengthBytes > 128) {
      throw new IllegalArgumentException("MKI length must be 1..128 bytes: " + mkiLengthBytes);
    }
    if (mkiValue < 0) {
      throw new IllegalArgumentException("negative MKI: " + mkiValue);
    }
  }

  /** A key with no lifetime and no MKI, the form Parley offers. */
  public static SdesKeyParam of(SrtpMasterKey key) {
    return new SdesKeyParam(key.keySalt(), 0, 0, 0);
  }

  @Override
  public byte[] keySalt() {
    return keySalt.clone();
  }

  public boolean hasMki() {
    return mkiLengthBytes > 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SdesKeyParam that
        && Arrays.equals(keySalt, that.keySalt)
        && lifetimePackets == that.lifetimePackets
        && mkiValue == that.mkiValue
        && mkiLengthBytes == that.mkiLengthBytes;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(keySalt) * 31 + Long.hashCode(lifetimePackets);
  }

  @Override
  public String toString() {
    return "SdesKeyParam[key=redacted, lifetimePackets="
        + lifetimePackets
        + ", mki="
        + (hasMki() ? mkiValue + ":" + mkiLengthBytes : "none")
        + "]";
  }
}

package org.parley.media.filter;

import java.util.Arrays;

/**
 * An RFC 3389 comfort-noise payload: the noise level in -dBov (one byte, 0..127) followed by
 * optional spectral information (quantised reflection coefficients, kept here as the raw bytes).
 *
 * @param levelMinusDbov the noise level as a positive number of dB below overload, 0..127
 * @param spectrum the spectral bytes after the level, possibly none
 */
public record ComfortNoisePayload(int levelMinusDbov, byte[] spectrum) {

  public ComfortNoisePayload {
    if (levelMinusDbov < 0 || levelMinusDbov > 127) {
      throw new IllegalArgumentException("Noise level out of range 0..127: " + levelMinusDbov);
    }
    spectrum = spectrum.clone();
  }

  /** A payload with only the level, rounded and clamped from {@code dbov} (e.g. -60.2 to 60). */
  public static ComfortNoisePayload ofLevel(double dbov) {
    long level = Math.round(-dbov);
    return new ComfortNoisePayload((int) Math.max(0, Math.min(127, level)), new byte[0]);
  }

  /** The noise level in dBov: zero or negative. */
  public double levelDbov() {
    return -levelMinusDbov;
  }

  @Override
  public byte[] spectrum() {
    return spectrum.clone();
  }

  public byte[] encode() {
    byte[] payload = new byte[1 + spectrum.length];
    payload[0] = (byte) levelMinusDbov;
    System.arraycopy(spectrum, 0, payload, 1, spectrum.length);
    return payload;
  }

  /**
   * Parses a payload.
   *
   * @throws IllegalArgumentException if it is empty or the level byte's top bit, which RFC 3389
   *     reserves as zero, is set
   */
  public static ComfortNoisePayload decode(byte[] payload, int offset, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("Comfort-noise payload is empty");
    }
    int level = payload[offset] & 0xFF;
    if (level > 127) {
      throw new IllegalArgumentException("Comfort-noise level byte has its top bit set: " + level);
    }
    return new ComfortNoisePayload(level, Arrays.copyOfRange(payload, offset + 1, offset + length));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ComfortNoisePayload that
        && levelMinusDbov == that.levelMinusDbov
        && Arrays.equals(spectrum, that.spectrum);
  }

  @Override
  public int hashCode() {
    return 31 * levelMinusDbov + Arrays.hashCode(spectrum);
  }

  @Override
  public String toString() {
    return "ComfortNoisePayload[-" + levelMinusDbov + " dBov, " + spectrum.length + " bytes]";
  }
}

package org.parley.media.codec;

/**
 * ITU-T G.711 companding: 16-bit linear PCM to and from 8-bit µ-law (PCMU) and A-law (PCMA).
 *
 * <p>Both laws quantise the 13- or 14-bit magnitude into eight segments of sixteen steps; the
 * segment is the position of the highest set bit, which {@link Integer#numberOfLeadingZeros} finds
 * without a lookup table.
 */
public final class G711 {

  private static final int ULAW_BIAS = 0x84;
  private static final int ULAW_CLIP = 32635;
  private static final int ALAW_MASK = 0x55;

  private G711() {}

  /** Encodes one linear sample as µ-law (PCMU). */
  public static byte linearToUlaw(short sample) {
    int pcm = sample;
    int sign = (pcm >> 8) & 0x80;
    if (sign != 0) {
      pcm = -pcm;
    }
    pcm = Math.min(pcm, ULAW_CLIP) + ULAW_BIAS;
    int segment = segmentOf(pcm >> 7);
    int mantissa = (pcm >> (segment + 3)) & 0x0F;
    return (byte) ~(sign | (segment << 4) | mantissa);
  }

  /** Decodes one µ-law (PCMU) byte to a linear sample. */
  public static short ulawToLinear(byte ulaw) {
    int value = ~ulaw & 0xFF;
    int segment = (value >> 4) & 0x07;
    int mantissa = value & 0x0F;
    int magnitude = (((mantissa << 3) + ULAW_BIAS) << segment) - ULAW_BIAS;
    return (short) ((value & 0x80) != 0 ? -magnitude : magnitude);
  }

  /** Encodes one linear sample as A-law (PCMA). */
  public static byte linearToAlaw(short sample) {
    int pcm = sample;
    int sign = pcm >= 0 ? 0x80 : 0x00;
    int magnitude = pcm >= 0 ? pcm : -pcm - 1;
    magnitude = Math.min(magnitude, 0x7FFF) >> 3; // 13-bit magnitude
    int encoded;
    if (magnitude < 32) {
      encoded = magnitude >> 1;
    } else {
      int segment = segmentOf(magnitude >> 5) + 1;
      encoded = (segment << 4) | ((magnitude >> segment) & 0x0F);
    }
    return (byte) ((sign | encoded) ^ ALAW_MASK);
  }

  /** Decodes one A-law (PCMA) byte to a linear sample. */
  public static short alawToLinear(byte alaw) {
    int value = (alaw & 0xFF) ^ ALAW_MASK;
    int segment = (value >> 4) & 0x07;
    int mantissa = value & 0x0F;
    int magnitude = segment == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (segment - 1);
    return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
  }

  /** Index (0-7) of the highest set bit of a value below 256, 0 for 0 and 1. */
  private static int segmentOf(int value) {
    int segment = 31 - Integer.numberOfLeadingZeros(value);
    return Math.max(0, Math.min(segment, 7));
  }
}

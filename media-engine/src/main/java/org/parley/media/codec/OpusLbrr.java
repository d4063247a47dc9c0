package org.parley.media.codec;

/**
 * Tells whether an Opus packet carries in-band FEC (SILK LBRR frames, RFC 6716 §4.2.4) for the
 * packet before it, by reading the first frame's SILK header flags.
 *
 * <p>libopus asked to decode FEC from a packet without LBRR data quietly runs its PLC instead and
 * returns a full frame, so its return value cannot tell recovery from concealment; this check can.
 * Only the first Opus frame matters: that is the one libopus takes the redundancy from. For 40 and
 * 60 ms SILK frames the flag says that at least one of the 20 ms subframes has LBRR data.
 */
public final class OpusLbrr {

  private OpusLbrr() {}

  /**
   * Whether {@code packet[offset..offset+length)} has a SILK layer whose mid (or mono) channel says
   * LBRR data follows. False for CELT-only packets, DTX packets, empty first frames and packets
   * whose framing (RFC 6716 §3.2) is malformed: none of them can repair anything.
   */
  public static boolean hasLbrr(byte[] packet, int offset, int length) {
    if (length < 2 || offset < 0 || offset + length > packet.length) {
      return false;
    }
    byte toc = packet[offset];
    if (OpusToc.mode(toc) == OpusToc.Mode.CELT) {
      return false;
    }
    long frame = firstFrame(packet, offset, length);
    int frameLength = (int) frame;
    if (frame < 0 || frameLength == 0) {
      return false;
    }
    int frameStart = (int) (frame >>> 32);
    RangeDecoder header = new RangeDecoder(packet, frameStart, frameStart + frameLength);
    // §4.2.3: one VAD flag per 20 ms SILK frame of the mid channel, then its LBRR flag.
    int silkFrames = Math.max(1, OpusToc.frameDurationMicros(toc) / 20_000);
    for (int i = 0; i < silkFrames; i++) {
      header.bit();
    }
    return header.bit();
  }

  /**
   * Start (high 32 bits) and length (low 32 bits) of the first frame, or -1 if the framing is
   * invalid.
   */
  private static long firstFrame(byte[] packet, int offset, int length) {
    int end = offset + length;
    int position = offset + 1;
    return switch (OpusToc.frameCountCode(packet[offset])) {
      case 0 -> span(position, end - position);
      case 1 -> (end - position) % 2 == 0 ? span(position, (end - position) / 2) : -1;
      case 2 -> codeTwoFirstFrame(packet, position, end);
      default -> codeThreeFirstFrame(packet, position, end);
    };
  }

  /** §3.2.4: the first frame's length, then both frames. */
  private static long codeTwoFirstFrame(byte[] packet, int position, int end) {
    int[] size = frameLength(packet, position, end);
    if (size == null || position + size[1] + size[0] > end) {
      return -1;
    }
    return span(position + size[1], size[0]);
  }

  /** §3.2.5: frame count byte, optional padding, then CBR sizes or VBR length bytes. */
  private static long codeThreeFirstFrame(byte[] packet, int position, int end) {
    if (position >= end) {
      return -1;
    }
    int countByte = packet[position++] & 0xFF;
    boolean vbr = (countByte & 0x80) != 0;
    boolean padded = (countByte & 0x40) != 0;
    int count = countByte & 0x3F;
    if (count == 0) {
      return -1;
    }
    int padding = 0;
    while (padded) {
      if (position >= end) {
        return -1;
      }
      int p = packet[position++] & 0xFF;
      padding += p == 255 ? 254 : p;
      padded = p == 255;
    }
    int dataEnd = end - padding;
    if (dataEnd < position) {
      return -1;
    }
    if (count == 1) {
      return span(position, dataEnd - position);
    }
    if (!vbr) {
      int total = dataEnd - position;
      return total % count == 0 ? span(position, total / count) : -1;
    }
    int[] first = frameLength(packet, position, dataEnd);
    if (first == null) {
      return -1;
    }
    int lengthsEnd = position + first[1];
    for (int i = 1; i < count - 1; i++) {
      int[] other = frameLength(packet, lengthsEnd, dataEnd);
      if (other == null) {
        return -1;
      }
      lengthsEnd += other[1];
    }
    return lengthsEnd + first[0] <= dataEnd ? span(lengthsEnd, first[0]) : -1;
  }

  /** §3.2.1: a frame length in one or two bytes; returns {length, bytes used} or null. */
  private static int[] frameLength(byte[] packet, int position, int end) {
    if (position >= end) {
      return null;
    }
    int first = packet[position] & 0xFF;
    if (first < 252) {
      return new int[] {first, 1};
    }
    if (position + 1 >= end) {
      return null;
    }
    return new int[] {first + 4 * (packet[position + 1] & 0xFF), 2};
  }

  private static long span(int start, int length) {
    return (long) start << 32 | length;
  }

  /** Just enough of the RFC 6716 §4.1 range decoder to read symbols of probability one half. */
  private static final class RangeDecoder {
    private final byte[] data;
    private final int end;
    private int position;
    private long range;
    private long value;
    private int previous;

    RangeDecoder(byte[] data, int start, int end) {
      this.data = data;
      this.end = end;
      this.position = start;
      previous = nextByte();
      range = 128; // §4.1.1
      value = 127 - (previous >> 1);
      normalize();
    }

    /** §4.1.3.2, ec_dec_bit_logp with logp 1. */
    boolean bit() {
      long half = range >> 1;
      boolean one = value < half;
      if (one) {
        range = half;
      } else {
        value -= half;
        range -= half;
      }
      normalize();
      return one;
    }

    /** §4.1.2.1: keep the range above 2^23, reading one byte at a time (zeros past the end). */
    private void normalize() {
      while (range <= 1L << 23) {
        range <<= 8;
        int next = nextByte();
        int symbol = ((previous << 8) | next) >> 1;
        previous = next;
        value = ((value << 8) + (255 - (symbol & 0xFF))) & 0x7FFF_FFFFL;
      }
    }

    private int nextByte() {
      return position < end ? data[position++] & 0xFF : 0;
    }
  }
}

package org.parley.media.ffmpeg;

import org.parley.media.codec.OpusToc;

/**
 * Reads the SILK layer's header flags of a one-frame, 20 ms, mono Opus packet, with just enough of
 * the RFC 6716 §4.1 range decoder: the voice-activity flag, then the LBRR (in-band FEC) flag.
 */
final class SilkHeader {

  private final byte[] data;
  private int position;
  private long range;
  private long value;
  private int leftover;

  private SilkHeader(byte[] data, int from, int to) {
    this.data = java.util.Arrays.copyOfRange(data, from, to);
    int first = nextByte();
    range = 128; // §4.1.1
    value = 127 - (first >> 1);
    leftover = first;
    normalize();
  }

  /** Whether the packet's SILK frame says LBRR data for the previous frame follows. */
  static boolean hasLbrr(byte[] packet, int length) {
    byte toc = packet[0];
    if (OpusToc.mode(toc) == OpusToc.Mode.CELT
        || OpusToc.frameCountCode(toc) != 0
        || OpusToc.frameDurationMicros(toc) != 20_000
        || OpusToc.stereo(toc)) {
      return false;
    }
    SilkHeader header = new SilkHeader(packet, 1, length);
    header.bit(); // voice activity
    return header.bit();
  }

  /** Whether the packet carries a SILK layer (SILK-only or hybrid) at all. */
  static boolean hasSilkLayer(byte[] packet) {
    return OpusToc.mode(packet[0]) != OpusToc.Mode.CELT;
  }

  /** A symbol of probability one half (§4.1.3.2, ec_dec_bit_logp with logp 1). */
  private boolean bit() {
    long threshold = range >> 1;
    boolean one = value < threshold;
    if (one) {
      range = threshold;
    } else {
      value -= threshold;
      range -= threshold;
    }
    normalize();
    return one;
  }

  /** §4.1.2.1: keep range above 2^23 by shifting in one byte at a time. */
  private void normalize() {
    while (range <= 1L << 23) {
      range <<= 8;
      int next = nextByte();
      int symbol = ((leftover << 8) | next) >> 1;
      leftover = next;
      value = ((value << 8) + (255 - (symbol & 0xFF))) & 0x7FFFFFFFL;
    }
  }

  private int nextByte() {
    return position < data.length ? data[position++] & 0xFF : 0;
  }
}

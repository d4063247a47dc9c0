package org.parley.media.rtp;

/** Big-endian (network order) reads and writes of unsigned fields. */
final class Bytes {

  private Bytes() {}

  static int u16(byte[] data, int offset) {
    return ((data[offset] & 0xFF) << 8) | (data[offset + 1] & 0xFF);
  }

  static long u32(byte[] data, int offset) {
    return ((long) u16(data, offset) << 16) | u16(data, offset + 2);
  }

  static void put16(byte[] data, int offset, int value) {
    data[offset] = (byte) (value >>> 8);
    data[offset + 1] = (byte) value;
  }

  static void put32(byte[] data, int offset, long value) {
    put16(data, offset, (int) (value >>> 16));
    put16(data, offset + 2, (int) value);
  }
}

package org.parley.media.device;

/** Little-endian 16-bit PCM to and from samples, the byte layout every device line uses here. */
final class Pcm16 {

  private Pcm16() {}

  static void toSamples(byte[] bytes, short[] samples, int count) {
    for (int i = 0; i < count; i++) {
      samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
    }
  }

  static void toBytes(short[] samples, int count, byte[] bytes) {
    for (int i = 0; i < count; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
  }
}

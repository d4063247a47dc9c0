package org.parley.media.codec;

/** Turns 16-bit linear PCM frames into codec payloads; one instance serves one stream. */
public interface AudioEncoder {

  /**
   * Encodes {@code sampleCount} samples.
   *
   * @return the number of payload bytes written to {@code payload}
   */
  int encode(short[] pcm, int offset, int sampleCount, byte[] payload);

  /**
   * Releases what the encoder holds outside the Java heap (native codec state). Plain-Java encoders
   * hold nothing; closing twice is harmless.
   */
  default void close() {}
}

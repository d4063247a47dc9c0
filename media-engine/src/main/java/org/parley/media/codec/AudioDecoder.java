package org.parley.media.codec;

import java.util.Arrays;

/** Turns codec payloads back into 16-bit linear PCM; one instance serves one stream. */
public interface AudioDecoder {
  /**
   * Decodes one payload.
   *
   * @return the number of samples written to {@code pcm}
   */
  int decode(byte[] payload, int offset, int length, short[] pcm);

  /**
   * Writes {@code sampleCount} samples that stand in for a packet that never arrived (packet loss
   * concealment). This default inserts silence; codecs with a better concealment override it.
   *
   * @return the number of samples written to {@code pcm}
   */
  default int conceal(short[] pcm, int sampleCount) {
    Arrays.fill(pcm, 0, sampleCount, (short) 0);
    return sampleCount;
  }

  /**
   * Recovers a lost packet from the in-band forward error correction carried by the packet after it
   * (Opus LBRR, RFC 7587). Codecs without in-band FEC return 0 and write nothing.
   *
   * @param nextPayload the payload of the packet that followed the lost one
   * @return the number of samples written to {@code pcm}, or 0 when nothing could be recovered
   */
  default int decodeFec(byte[] nextPayload, int offset, int length, short[] pcm, int sampleCount) {
    return 0;
  }

  /**
   * Releases what the decoder holds outside the Java heap (native codec state). Plain-Java decoders
   * hold nothing; closing twice is harmless.
   */
  default void close() {}
}

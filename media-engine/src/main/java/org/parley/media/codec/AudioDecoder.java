package org.parley.media.codec;

/** Turns codec payloads back into 16-bit linear PCM; one instance serves one stream. */
public interface AudioDecoder {

  /**
   * Decodes one payload.
   *
   * @return the number of samples written to {@code pcm}
   */
  int decode(byte[] payload, int offset, int length, short[] pcm);
}

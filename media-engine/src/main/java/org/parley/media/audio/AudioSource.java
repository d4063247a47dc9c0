package org.parley.media.audio;

/**
 * Where a stream's 16-bit linear PCM comes from: a microphone, a WAV file, a tone, a decoder.
 * Interleaved when {@link #channels()} is more than one.
 */
public interface AudioSource extends AutoCloseable {

  int sampleRateHz();

  default int channels() {
    return 1;
  }

  /**
   * Fills {@code frame} with the next samples, blocking at most as long as a device needs to
   * deliver them.
   *
   * @return the number of samples written, less than {@code frame.length} only at the end of a
   *     finite source, and -1 once it is exhausted
   */
  int read(short[] frame);

  /** Releases the device or file. Closing twice is harmless. */
  @Override
  default void close() {}
}

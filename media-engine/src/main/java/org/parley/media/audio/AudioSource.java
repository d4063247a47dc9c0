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

  /**
   * Samples skipped since this source opened, at {@link #sampleRateHz()}: a microphone that drops a
   * backlog to keep the delay down. A sender advances its RTP timestamps by them, since a timestamp
   * is the sampling instant whether or not those samples are sent (RFC 3550 §5.1). Sources that
   * never skip, and wrappers that pass samples through, keep the default or forward it.
   */
  default long droppedSamples() {
    return 0;
  }

  /** Releases the device or file. Closing twice is harmless. */
  @Override
  default void close() {}
}

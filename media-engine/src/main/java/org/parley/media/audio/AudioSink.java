package org.parley.media.audio;

/**
 * Where a stream's 16-bit linear PCM goes: a speaker, a WAV file, an encoder, a recorder.
 * Interleaved when {@link #channels()} is more than one.
 */
public interface AudioSink extends AutoCloseable {

  int sampleRateHz();

  default int channels() {
    return 1;
  }

  /**
   * Takes the first {@code sampleCount} samples of {@code frame}; the sink copies what it keeps.
   */
  void write(short[] frame, int sampleCount);

  /** Flushes and releases the device or file. Closing twice is harmless. */
  @Override
  default void close() {}
}

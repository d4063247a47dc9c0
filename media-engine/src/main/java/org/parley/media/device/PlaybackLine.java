package org.parley.media.device;

import java.io.IOException;

/** An open playback line taking 16-bit signed little-endian mono PCM. */
public interface PlaybackLine extends AudioLine {

  /**
   * Blocks until {@code length} bytes are queued for playing.
   *
   * @throws IOException if the device went away or the line was closed under us
   */
  void writeFully(byte[] buffer, int offset, int length) throws IOException;
}

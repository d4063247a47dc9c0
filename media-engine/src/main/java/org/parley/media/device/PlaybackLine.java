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

  /** Bytes written and not played yet, as far as the line can tell; 0 if it cannot. */
  default int queuedBytes() {
    return 0;
  }
}

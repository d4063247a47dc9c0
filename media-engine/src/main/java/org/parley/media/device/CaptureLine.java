package org.parley.media.device;

import java.io.IOException;

/** An open capture line delivering 16-bit signed little-endian mono PCM. */
public interface CaptureLine extends AudioLine {

  /**
   * Blocks until {@code length} bytes are read.
   *
   * @throws IOException if the device went away or the line was closed under us
   */
  void readFully(byte[] buffer, int offset, int length) throws IOException;

  /** Bytes captured and not read yet, as far as the line can tell; 0 if it cannot. */
  default int availableBytes() {
    return 0;
  }
}

package org.parley.media.wav;

import java.io.IOException;

/** A file is not a WAV file Parley can play: wrong container, not 16-bit PCM, or truncated. */
public class WavFileException extends IOException {

  private static final long serialVersionUID = 1L;

  public WavFileException(String message) {
    super(message);
  }
}

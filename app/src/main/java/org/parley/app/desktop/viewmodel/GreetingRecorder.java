package org.parley.app.desktop.viewmodel;

import java.io.IOException;
import java.nio.file.Path;

/** Records a greeting from the chosen microphone into a WAV file the mailbox accepts. */
public interface GreetingRecorder {

  /** Starts recording; a recording under way is discarded. */
  void start() throws IOException;

  /**
   * Stops and returns the finished file (16-bit PCM, 8000 Hz mono).
   *
   * @throws IOException when nothing was recorded or the file could not be written
   */
  Path stop() throws IOException;
}

package org.parley.media.device;

import java.util.concurrent.TimeUnit;

/**
 * Holds a media thread for one frame's duration while no device works, so a capture or playback
 * loop fed silence keeps real time instead of spinning.
 */
@FunctionalInterface
interface FramePacer {

  void pause(long nanos);

  /** Sleeps the calling thread; an interrupt ends the pause and stays set for the loop to see. */
  static FramePacer sleeping() {
    return nanos -> {
      try {
        TimeUnit.NANOSECONDS.sleep(nanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}

package org.parley.app.desktop.viewmodel;

/** Plays decoded audio to the chosen speaker; the voicemail view-model's port to the devices. */
@FunctionalInterface
public interface AudioPlayer {

  /**
   * Starts playing {@code pcm} (mono, {@code rateHz}) from sample {@code fromSample}; progress
   * comes on the player's thread.
   */
  Playing play(short[] pcm, int rateHz, int fromSample, Progress progress);

  /** A playback under way. */
  @FunctionalInterface
  interface Playing {
    /** Stops it; no progress comes after this returns. Stopping twice is harmless. */
    void stop();
  }

  /** What a playback reports. */
  interface Progress {
    /** The sample about to be played. */
    void at(int sample);

    /** The last sample was played. */
    void ended();
  }
}

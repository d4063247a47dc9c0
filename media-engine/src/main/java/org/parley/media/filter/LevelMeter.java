package org.parley.media.filter;

/**
 * Measures each frame's RMS and peak level for the UI's meters; it never changes the audio. The
 * playout or capture thread writes, any thread reads {@link #level()}.
 */
public final class LevelMeter implements AudioFilter {

  private volatile AudioLevel level = AudioLevel.SILENCE;

  @Override
  public void process(short[] frame, int sampleCount) {
    level = measure(frame, sampleCount);
  }

  /** The level of the last frame processed. */
  public AudioLevel level() {
    return level;
  }

  @Override
  public void reset() {
    level = AudioLevel.SILENCE;
  }

  /** The level of {@code frame[0..sampleCount)}. */
  public static AudioLevel measure(short[] frame, int sampleCount) {
    return new AudioLevel(
        Levels.toDbfs(Levels.rms(frame, sampleCount)),
        Levels.toDbfs(Levels.peak(frame, sampleCount)));
  }
}

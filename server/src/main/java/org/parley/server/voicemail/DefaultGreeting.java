package org.parley.server.voicemail;

/**
 * The greeting played when a user has recorded none: two soft chime notes and a beep, 8 kHz mono.
 * Generated rather than shipped, so no speech of any one language is assumed.
 */
public final class DefaultGreeting {

  /** The greeting's sample rate. */
  public static final int RATE_HZ = 8000;

  /** Its length: 300 ms + 300 ms chime, 200 ms pause, 400 ms beep. */
  public static final int DURATION_MILLIS = 1200;

  private DefaultGreeting() {}

  /** The greeting's samples. */
  public static short[] samples() {
    short[] pcm = new short[RATE_HZ * DURATION_MILLIS / 1000];
    Tones.tone(pcm, 0, 300, 660);
    Tones.tone(pcm, 300, 300, 440);
    Tones.tone(pcm, 800, 400, 1000);
    return pcm;
  }
}

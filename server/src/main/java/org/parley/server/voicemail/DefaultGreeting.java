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

  private static final double AMPLITUDE = 8000;

  private DefaultGreeting() {}

  /** The greeting's samples. */
  public static short[] samples() {
    short[] pcm = new short[RATE_HZ * DURATION_MILLIS / 1000];
    tone(pcm, 0, 300, 660);
    tone(pcm, 300, 300, 440);
    tone(pcm, 800, 400, 1000);
    return pcm;
  }

  private static void tone(short[] pcm, int startMillis, int lengthMillis, double frequencyHz) {
    int start = startMillis * RATE_HZ / 1000;
    int length = lengthMillis * RATE_HZ / 1000;
    for (int i = 0; i < length; i++) {
      // A short linear fade at both ends avoids clicks.
      double fade = Math.min(1.0, Math.min(i, length - 1 - i) / 80.0);
      pcm[start + i] =
          (short) (AMPLITUDE * fade * Math.sin(2 * Math.PI * frequencyHz * i / RATE_HZ));
    }
  }
}

package org.parley.server.voicemail;

/** Short generated signals, 8 kHz mono: no spoken language is assumed. */
final class Tones {

  private static final double AMPLITUDE = 8000;

  private Tones() {}

  /** Before the first message: one 1 kHz beep of 200 ms. */
  static short[] prompt() {
    short[] pcm = new short[ms(200)];
    tone(pcm, 0, 200, 1000);
    return pcm;
  }

  /** After the last message: two 400 Hz beeps. */
  static short[] noMoreMessages() {
    short[] pcm = new short[ms(500)];
    tone(pcm, 0, 200, 400);
    tone(pcm, 300, 200, 400);
    return pcm;
  }

  private static int ms(int millis) {
    return FramePlayer.RATE_HZ * millis / 1000;
  }

  /** Writes a tone with short linear fades (no clicks) into {@code pcm}. */
  static void tone(short[] pcm, int startMillis, int lengthMillis, double frequencyHz) {
    int start = ms(startMillis);
    int length = ms(lengthMillis);
    for (int i = 0; i < length; i++) {
      double fade = Math.min(1.0, Math.min(i, length - 1 - i) / 80.0);
      pcm[start + i] =
          (short)
              (AMPLITUDE * fade * Math.sin(2 * Math.PI * frequencyHz * i / FramePlayer.RATE_HZ));
    }
  }
}

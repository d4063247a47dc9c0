package org.parley.media.ffmpeg;

/**
 * Decides, frame by frame, whether an encoder in discontinuous transmission sends a packet: always
 * while there is sound and for a short hangover after it, then once every 400 ms of silence so the
 * receiver's comfort state stays fresh (the cadence libopus's own DTX uses).
 */
final class DtxGate {

  /** RMS below which a frame counts as silence: about -61 dBFS, under a quiet room's noise. */
  static final double SILENCE_RMS = 30;

  /** Silence sent in full after sound, so word endings and short pauses are not clipped. */
  static final int HANGOVER_MILLIS = 200;

  /** Longest gap between packets during DTX. */
  static final int REFRESH_MILLIS = 400;

  private final int frameMillis;
  private int silentMillis;
  private int millisSinceSent;

  DtxGate(int frameMillis) {
    this.frameMillis = frameMillis;
  }

  boolean shouldSend(short[] pcm, int offset, int sampleCount) {
    double sumOfSquares = 0;
    for (int i = offset; i < offset + sampleCount; i++) {
      sumOfSquares += (double) pcm[i] * pcm[i];
    }
    boolean silent = sampleCount == 0 || Math.sqrt(sumOfSquares / sampleCount) < SILENCE_RMS;
    silentMillis = silent ? silentMillis + frameMillis : 0;
    millisSinceSent += frameMillis;
    if (silentMillis <= HANGOVER_MILLIS || millisSinceSent >= REFRESH_MILLIS) {
      millisSinceSent = 0;
      return true;
    }
    return false;
  }
}

package org.parley.media.filter;

/** Level arithmetic shared by the filters: dBFS of 16-bit PCM, with a floor for silence. */
final class Levels {

  /** Full scale of 16-bit PCM. */
  static final double FULL_SCALE = 32768.0;

  /** What silence reads as: the quietest level 16-bit audio can express, about -96 dBFS. */
  static final double FLOOR_DBFS = -96.0;

  private Levels() {}

  static double rms(short[] frame, int sampleCount) {
    if (sampleCount <= 0) {
      return 0;
    }
    double sum = 0;
    for (int i = 0; i < sampleCount; i++) {
      sum += (double) frame[i] * frame[i];
    }
    return Math.sqrt(sum / sampleCount);
  }

  static int peak(short[] frame, int sampleCount) {
    int peak = 0;
    for (int i = 0; i < sampleCount; i++) {
      peak = Math.max(peak, Math.abs((int) frame[i]));
    }
    return peak;
  }

  /** {@code amplitude} relative to full scale, in dB, not below {@link #FLOOR_DBFS}. */
  static double toDbfs(double amplitude) {
    if (amplitude <= 0) {
      return FLOOR_DBFS;
    }
    return Math.max(FLOOR_DBFS, 20 * Math.log10(amplitude / FULL_SCALE));
  }

  static double fromDbfs(double dbfs) {
    return FULL_SCALE * Math.pow(10, dbfs / 20);
  }
}

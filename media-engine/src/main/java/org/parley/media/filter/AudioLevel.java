package org.parley.media.filter;

/**
 * The level of one frame, for meters.
 *
 * @param rmsDbfs root-mean-square level relative to full scale (a full-scale square wave is 0, a
 *     full-scale sine -3.01), -96 for silence
 * @param peakDbfs the largest sample relative to full scale, -96 for silence
 */
public record AudioLevel(double rmsDbfs, double peakDbfs) {

  /** The level of a silent frame. */
  public static final AudioLevel SILENCE = new AudioLevel(Levels.FLOOR_DBFS, Levels.FLOOR_DBFS);
}

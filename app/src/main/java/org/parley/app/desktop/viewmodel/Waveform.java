package org.parley.app.desktop.viewmodel;

/** A message's loudness outline for drawing: the peak of each of a fixed number of slices. */
public final class Waveform {

  private Waveform() {}

  /**
   * The peak absolute sample of each of {@code slices} equal parts of {@code pcm}, scaled to 0..1
   * of full scale; an empty recording gives all zeros.
   */
  public static double[] peaks(short[] pcm, int slices) {
    if (slices <= 0) {
      throw new IllegalArgumentException("slices must be positive");
    }
    double[] peaks = new double[slices];
    if (pcm.length == 0) {
      return peaks;
    }
    for (int slice = 0; slice < slices; slice++) {
      int from = (int) ((long) slice * pcm.length / slices);
      int to = Math.max(from + 1, (int) ((long) (slice + 1) * pcm.length / slices));
      int peak = 0;
      for (int i = from; i < Math.min(to, pcm.length); i++) {
        peak = Math.max(peak, Math.abs((int) pcm[i]));
      }
      peaks[slice] = Math.min(1.0, peak / 32768.0);
    }
    return peaks;
  }
}

package org.parley.server.voicemail;

/** The power of one frequency in a block of samples (the Goertzel algorithm), for tone checks. */
final class Goertzel {

  private Goertzel() {}

  static double power(short[] pcm, int from, int to, double frequencyHz, int rateHz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / rateHz);
    double previous = 0;
    double beforePrevious = 0;
    for (int i = from; i < to; i++) {
      double current = pcm[i] + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    return previous * previous
        + beforePrevious * beforePrevious
        - coefficient * previous * beforePrevious;
  }

  /** Which of {@code candidatesHz} is strongest in {@code pcm[from, to)}. */
  static double strongest(short[] pcm, int from, int to, double[] candidatesHz, int rateHz) {
    double best = candidatesHz[0];
    double bestPower = -1;
    for (double candidate : candidatesHz) {
      double power = power(pcm, from, to, candidate, rateHz);
      if (power > bestPower) {
        bestPower = power;
        best = candidate;
      }
    }
    return best;
  }
}

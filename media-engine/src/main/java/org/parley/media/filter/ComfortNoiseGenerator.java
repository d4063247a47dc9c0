package org.parley.media.filter;

import java.util.Random;

/**
 * Fills silence with low-level noise at the far end's background level, so that DTX pauses do not
 * sound like a dropped call.
 *
 * <p>The level comes either from RFC 3389 comfort-noise packets ({@link #apply}) or from the audio
 * heard before the pause ({@link #observe}): a minimum tracker that follows a falling level quickly
 * and a rising one at only {@value #RISE_DB_PER_SECOND} dB/s, so speech barely lifts it and it
 * settles on the noise between words. The noise is Gaussian, gently low-passed (a one-pole filter
 * scaled to keep its power), which sounds less harsh than white noise. Levels are dBov: RMS
 * relative to a full-scale square wave. Not thread-safe.
 */
public final class ComfortNoiseGenerator {

  static final double RISE_DB_PER_SECOND = 1.0;
  private static final double FALL_SMOOTHING = 0.3;
  private static final double POLE = 0.5;
  private static final double INITIAL_DBOV = -70;

  private final int sampleRateHz;
  private final Random random;
  private double levelDbov = INITIAL_DBOV;
  private boolean observed;
  private double state;

  /** A generator with a fixed seed, so tests and recordings are repeatable. */
  public ComfortNoiseGenerator(int sampleRateHz, long seed) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("Sample rate must be positive: " + sampleRateHz);
    }
    this.sampleRateHz = sampleRateHz;
    this.random = new Random(seed);
  }

  /** Learns the background level from a frame of real audio. */
  public void observe(short[] frame, int sampleCount) {
    if (sampleCount <= 0) {
      return;
    }
    double frameDbov = Levels.toDbfs(Levels.rms(frame, sampleCount));
    if (!observed) {
      levelDbov = frameDbov;
      observed = true;
    } else if (frameDbov < levelDbov) {
      levelDbov += (frameDbov - levelDbov) * FALL_SMOOTHING;
    } else {
      double frameSeconds = (double) sampleCount / sampleRateHz;
      levelDbov += Math.min(frameDbov - levelDbov, RISE_DB_PER_SECOND * frameSeconds);
    }
  }

  /** Takes the level a comfort-noise packet announced. */
  public void apply(ComfortNoisePayload payload) {
    levelDbov = payload.levelDbov();
    observed = true;
  }

  /** The current background level estimate, in dBov. */
  public double levelDbov() {
    return levelDbov;
  }

  /** A comfort-noise payload announcing the current estimate, for sending in our own pauses. */
  public ComfortNoisePayload payload() {
    return ComfortNoisePayload.ofLevel(levelDbov);
  }

  /** Writes {@code sampleCount} samples of noise at the current level. */
  public void generate(short[] frame, int sampleCount) {
    double rms = Levels.fromDbfs(levelDbov);
    double inputScale = Math.sqrt(1 - POLE * POLE);
    for (int i = 0; i < sampleCount; i++) {
      state = POLE * state + inputScale * random.nextGaussian();
      long value = Math.round(state * rms);
      frame[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
  }
}

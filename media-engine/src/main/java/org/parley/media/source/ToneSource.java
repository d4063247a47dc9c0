package org.parley.media.source;

import org.parley.media.audio.AudioSource;

/**
 * A sine tone as 16-bit PCM: the engine's test signal, ring-back and DTMF feedback generator.
 *
 * <p>Phase carries over between reads, so consecutive frames join without clicks.
 */
public final class ToneSource implements AudioSource {

  private final double frequencyHz;
  private final int sampleRateHz;
  private final double amplitude;
  private long samplesProduced;

  /**
   * Creates a tone.
   *
   * @param frequencyHz tone frequency, below half the sample rate
   * @param sampleRateHz output sample rate
   * @param amplitude peak level from 0.0 (silence) to 1.0 (full scale)
   */
  public ToneSource(double frequencyHz, int sampleRateHz, double amplitude) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("Sample rate must be positive: " + sampleRateHz);
    }
    if (frequencyHz <= 0 || frequencyHz >= sampleRateHz / 2.0) {
      throw new IllegalArgumentException(
          "Tone of " + frequencyHz + " Hz cannot be represented at " + sampleRateHz + " Hz");
    }
    if (amplitude < 0 || amplitude > 1) {
      throw new IllegalArgumentException("Amplitude must be within 0..1: " + amplitude);
    }
    this.frequencyHz = frequencyHz;
    this.sampleRateHz = sampleRateHz;
    this.amplitude = amplitude;
  }

  /** Fills the whole buffer with the next samples of the tone; a tone never ends. */
  @Override
  public int read(short[] frame) {
    double step = 2 * Math.PI * frequencyHz / sampleRateHz;
    for (int i = 0; i < frame.length; i++) {
      double value = Math.sin(step * (samplesProduced + i)) * amplitude * Short.MAX_VALUE;
      frame[i] = (short) Math.round(value);
    }
    samplesProduced += frame.length;
    return frame.length;
  }

  @Override
  public int sampleRateHz() {
    return sampleRateHz;
  }
}

package org.parley.media.filter;

/**
 * Automatic gain control: steers each frame's RMS level towards a target within a limited gain
 * range, lowering the gain quickly (attack) and raising it slowly (release), and never clips.
 *
 * <p>Frames quieter than the noise floor leave the gain as it is, so pauses are not pumped up to
 * speech level. The gain moves linearly across each frame to avoid zipper noise. Before a frame is
 * written its peak is checked: if the gain would push it past the ceiling (-0.5 dBFS), the gain
 * drops at once to what fits, so a sudden loud sound after a quiet passage is limited, not clipped.
 */
public final class GainControl implements AudioFilter {

  private static final double CEILING = Levels.fromDbfs(-0.5);

  private final Settings settings;
  private final int sampleRateHz;
  private double gainDb;

  /**
   * Tuning of the gain control.
   *
   * @param targetDbfs the RMS level to reach
   * @param minGainDb the lowest gain applied (negative: attenuation)
   * @param maxGainDb the highest gain applied
   * @param attackMillis time constant for lowering the gain
   * @param releaseMillis time constant for raising the gain
   * @param noiseFloorDbfs frames below this do not change the gain
   */
  public record Settings(
      double targetDbfs,
      double minGainDb,
      double maxGainDb,
      double attackMillis,
      double releaseMillis,
      double noiseFloorDbfs) {

    /** -20 dBFS target, -20..+20 dB, 10 ms attack, 1 s release, -55 dBFS noise floor. */
    public static final Settings DEFAULTS = new Settings(-20, -20, 20, 10, 1000, -55);

    public Settings {
      if (minGainDb > 0 || maxGainDb < 0) {
        throw new IllegalArgumentException("Gain range must include 0 dB");
      }
      if (attackMillis <= 0 || releaseMillis <= 0) {
        throw new IllegalArgumentException("Time constants must be positive");
      }
    }
  }

  public GainControl(int sampleRateHz) {
    this(sampleRateHz, Settings.DEFAULTS);
  }

  public GainControl(int sampleRateHz, Settings settings) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("Sample rate must be positive: " + sampleRateHz);
    }
    this.sampleRateHz = sampleRateHz;
    this.settings = settings;
  }

  /** The gain in dB that the last frame ended with. */
  public double gainDb() {
    return gainDb;
  }

  @Override
  public void process(short[] frame, int sampleCount) {
    if (sampleCount <= 0) {
      return;
    }
    double startGainDb = gainDb;
    double levelDbfs = Levels.toDbfs(Levels.rms(frame, sampleCount));
    if (levelDbfs > settings.noiseFloorDbfs()) {
      double wanted = settings.targetDbfs() - levelDbfs;
      wanted = Math.max(settings.minGainDb(), Math.min(settings.maxGainDb(), wanted));
      double tauMillis = wanted < gainDb ? settings.attackMillis() : settings.releaseMillis();
      double frameMillis = 1000.0 * sampleCount / sampleRateHz;
      gainDb += (wanted - gainDb) * (1 - Math.exp(-frameMillis / tauMillis));
    }
    int peak = Levels.peak(frame, sampleCount);
    double startGain = dbToLinear(startGainDb);
    double endGain = dbToLinear(gainDb);
    double loudest = peak * Math.max(startGain, endGain);
    if (loudest > CEILING) {
      // Limit now; the release brings the gain back up afterwards.
      double scale = CEILING / loudest;
      startGain *= scale;
      endGain *= scale;
      gainDb = 20 * Math.log10(endGain);
    }
    for (int i = 0; i < sampleCount; i++) {
      double gain = startGain + (endGain - startGain) * (i + 1) / sampleCount;
      frame[i] = (short) Math.round(frame[i] * gain);
    }
  }

  @Override
  public void reset() {
    gainDb = 0;
  }

  private static double dbToLinear(double db) {
    return Math.pow(10, db / 20);
  }
}

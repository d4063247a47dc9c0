package org.parley.media.quality;

/**
 * The E-model of ITU-T G.107 reduced, as is common for VoIP monitoring, to the terms a call can
 * measure: {@code R = 93.2 - Id - Ie,eff}, with default values for every other parameter (so {@code
 * Ro - Is = 93.2} and the advantage factor A = 0), Id from the one-way mouth-to-ear delay alone (no
 * echo terms) and random loss (BurstR = 1).
 */
public final class EModel {

  /** R with the G.107 default parameters and no impairment. */
  public static final double DEFAULT_R = 93.2;

  /** One-way delay beyond which Id grows steeply, in milliseconds. */
  static final double DELAY_KNEE_MILLIS = 177.3;

  private EModel() {}

  /**
   * Id, the delay impairment: {@code 0.024 d + 0.11 (d - 177.3) H(d - 177.3)} (Cole and
   * Rosenbluth's fit of G.107's Idd with echo perfectly cancelled).
   */
  public static double delayImpairment(double oneWayDelayMillis) {
    double d = Math.max(0, oneWayDelayMillis);
    return 0.024 * d + (d > DELAY_KNEE_MILLIS ? 0.11 * (d - DELAY_KNEE_MILLIS) : 0);
  }

  /** Ie,eff of G.107 §7.4 with BurstR = 1: {@code Ie + (95 - Ie) Ppl / (Ppl + Bpl)}. */
  public static double effectiveEquipmentImpairment(CodecImpairment codec, double lossPercent) {
    double ppl = Math.max(0, Math.min(100, lossPercent));
    double ie = codec.equipmentImpairment();
    return ie + (95 - ie) * ppl / (ppl + codec.packetLossRobustness());
  }

  /** The rating factor R for a codec, a one-way delay and a packet loss percentage. */
  public static double rFactor(
      CodecImpairment codec, double oneWayDelayMillis, double lossPercent) {
    return DEFAULT_R
        - delayImpairment(oneWayDelayMillis)
        - effectiveEquipmentImpairment(codec, lossPercent);
  }

  /**
   * The estimated mean opinion score of G.107 Annex B: {@code 1 + 0.035 R + R (R - 60) (100 - R)
   * 7e-6}, clamped to 1..4.5 (the cubic dips below 1 for R under about 6.5).
   */
  public static double mos(double r) {
    if (r <= 0) {
      return 1;
    }
    if (r >= 100) {
      return 4.5;
    }
    double mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
    return Math.max(1, Math.min(4.5, mos));
  }

  /**
   * Mouth-to-ear delay: half the round trip for the network, plus the jitter buffer's hold, plus
   * one packet of packetisation. Codec look-ahead and device buffers are not counted.
   */
  public static double mouthToEarDelayMillis(
      double roundTripMillis, double jitterBufferDelayMillis, double packetisationMillis) {
    return Math.max(0, roundTripMillis) / 2 + jitterBufferDelayMillis + packetisationMillis;
  }
}

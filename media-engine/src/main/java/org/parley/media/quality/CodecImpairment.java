package org.parley.media.quality;

/**
 * A codec's place in the E-model (ITU-T G.107): its equipment impairment factor Ie and its packet
 * loss robustness factor Bpl, on the narrowband R scale.
 *
 * @param name what the codec is called in logs and summaries
 * @param equipmentImpairment Ie, the impairment of the codec with no loss
 * @param packetLossRobustness Bpl, how well the codec (with its concealment) bears random loss
 */
public record CodecImpairment(
    String name, double equipmentImpairment, double packetLossRobustness) {

  /** G.711 without packet loss concealment: G.113 Appendix I, Ie = 0, Bpl = 4.3. */
  public static final CodecImpairment G711 = new CodecImpairment("G.711", 0, 4.3);

  /** G.711 with packet loss concealment (G.711 Appendix I): G.113 Appendix I, Bpl = 25.1. */
  public static final CodecImpairment G711_PLC = new CodecImpairment("G.711+PLC", 0, 25.1);

  /**
   * G.722 at 64 kbit/s, rated as G.711 with concealment. An assumption, not a table value: G.113
   * gives G.722 figures only on the wideband scale of G.107.1 (Appendix IV, Ie,WB relative to a
   * maximum R of 129), which does not transfer to this narrowband scale; wideband speech is at
   * least as good as G.711 here, and our concealment is the jitter buffer's, as for G.711.
   */
  public static final CodecImpairment G722 = new CodecImpairment("G.722", 0, 25.1);

  /**
   * Opus, rated as G.711 with concealment. An assumption: ITU-T publishes no Ie or Bpl for Opus
   * (its fullband values of G.113 Appendix V are on the G.107.2 scale); Opus's own concealment and
   * in-band FEC make this conservative. Replace it when a measured value is available.
   */
  public static final CodecImpairment OPUS = new CodecImpairment("Opus", 0, 25.1);

  public CodecImpairment {
    if (equipmentImpairment < 0 || packetLossRobustness <= 0) {
      throw new IllegalArgumentException("Ie must be >= 0 and Bpl > 0");
    }
  }
}

package org.parley.app.desktop.viewmodel;

/**
 * A call's quality in one word, from its mean MOS, with the bands of ITU-T G.107 Annex B (R 90, 80,
 * 70, 60 and 50 map to MOS 4.34, 4.03, 3.60, 3.10 and 2.58: very satisfied down to nearly all users
 * dissatisfied).
 */
public enum QualityBadge {
  EXCELLENT(4.34),
  GOOD(4.03),
  FAIR(3.60),
  POOR(3.10),
  BAD(0);

  private final double minimumMos;

  QualityBadge(double minimumMos) {
    this.minimumMos = minimumMos;
  }

  /** The badge whose band holds {@code mos}. */
  public static QualityBadge forMos(double mos) {
    for (QualityBadge badge : values()) {
      if (mos >= badge.minimumMos) {
        return badge;
      }
    }
    return BAD;
  }
}

package org.parley.media.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A line the model keeps as written so that it survives a parse and format: {@code i=}, {@code u=},
 * {@code e=}, {@code p=}, {@code z=} and {@code k=}.
 *
 * @param type the line type letter
 * @param value the text after {@code =}
 */
public record SdpLine(char type, String value) {

  /**
   * The types allowed at session level, in the order they are written; a media description allows
   * only {@code i} and {@code k}.
   */
  static final String SESSION_TYPES = "iuepzk";

  static final String MEDIA_TYPES = "ik";

  /** The lines sorted by type in the order they are written, keeping the order within a type. */
  static List<SdpLine> inWritingOrder(List<SdpLine> lines) {
    List<SdpLine> sorted = new ArrayList<>(lines);
    sorted.sort(Comparator.comparingInt(line -> SESSION_TYPES.indexOf(line.type())));
    return List.copyOf(sorted);
  }

  public SdpLine {
    if (SESSION_TYPES.indexOf(type) < 0) {
      throw new IllegalArgumentException("not a free-text line type: " + type);
    }
    SdpText.requireText(value, "line value");
  }
}

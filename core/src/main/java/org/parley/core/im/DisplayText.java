package org.parley.core.im;

/**
 * Makes text from a peer safe to show: bidirectional embeddings, overrides and isolates are removed
 * (they can make a message or the name beside it read differently from its bytes, the "Trojan
 * Source" trick), as are control characters other than tab and newline, and lone surrogates become
 * U+FFFD. Line ends become {@code \n}. Directional marks (LRM, RLM, ALM) stay: they only affect
 * neutral characters next to them and right-to-left writers need them.
 */
public final class DisplayText {

  private static final char REPLACEMENT = '\uFFFD';

  private DisplayText() {}

  public static String sanitize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append(REPLACEMENT);
      } else if (!removed(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean removed(char c) {
    if (c == '\n' || c == '\t') {
      return false;
    }
    return Character.isISOControl(c) // C0, DEL and C1
        || (c >= '\u202A' && c <= '\u202E') // LRE, RLE, PDF, LRO, RLO
        || (c >= '\u2066' && c <= '\u2069'); // LRI, RLI, FSI, PDI
  }
}

package org.parley.app.cli;

/** JSON string literals written by hand: the app has no JSON library and its objects are flat. */
final class JsonText {

  private JsonText() {}

  /** {@code text} as a JSON string: quotes, backslashes and every control character escaped. */
  static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // U+2028/2029 too: legal in JSON but line breaks to JavaScript and some line readers.
          if (c < 0x20 || c == 0x7F || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}

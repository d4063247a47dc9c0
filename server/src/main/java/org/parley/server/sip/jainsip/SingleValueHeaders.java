package org.parley.server.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a header that RFC 3261 §7.3.1 allows once per message appearing twice, by its long or
 * compact name, in a message's raw header section.
 */
final class SingleValueHeaders {

  // RFC 3261 §20: the headers a proxy or registrar relies on that take a single value.
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("call-id", "Call-ID"),
          Map.entry("i", "Call-ID"),
          Map.entry("cseq", "CSeq"),
          Map.entry("from", "From"),
          Map.entry("f", "From"),
          Map.entry("to", "To"),
          Map.entry("t", "To"),
          Map.entry("max-forwards", "Max-Forwards"),
          Map.entry("content-length", "Content-Length"),
          Map.entry("l", "Content-Length"),
          Map.entry("content-type", "Content-Type"),
          Map.entry("c", "Content-Type"));

  private static final String[] NAMES =
      CANONICAL.values().stream().distinct().sorted().toArray(String[]::new);

  private SingleValueHeaders() {}

  /** Throws when a single-value header repeats; reads up to the blank line that ends the head. */
  static void check(byte[] message) throws ParseException {
    int seen = 0;
    int lineStart = skipStartLine(message);
    while (lineStart < message.length) {
      int lineEnd = lineEnd(message, lineStart);
      if (lineEnd == lineStart) {
        return; // the blank line: the body follows
      }
      byte first = message[lineStart];
      if (first != ' ' && first != '\t') { // not a folded continuation line
        String canonical = canonicalName(message, lineStart, lineEnd);
        if (canonical != null) {
          int bit = 1 << Arrays.binarySearch(NAMES, canonical);
          if ((seen & bit) != 0) {
            throw new ParseException("More than one " + canonical + " header", lineStart);
          }
          seen |= bit;
        }
      }
      lineStart = next(message, lineEnd);
    }
  }

  private static String canonicalName(byte[] message, int start, int end) {
    for (int i = start; i < end; i++) {
      if (message[i] == ':') {
        String name = new String(message, start, i - start, StandardCharsets.US_ASCII);
        return CANONICAL.get(name.strip().toLowerCase(Locale.ROOT));
      }
    }
    return null;
  }

  private static int skipStartLine(byte[] message) {
    return next(message, lineEnd(message, 0));
  }

  /** The index of the CR or LF that ends the line starting at {@code start}. */
  private static int lineEnd(byte[] message, int start) {
    int i = start;
    while (i < message.length && message[i] != '\r' && message[i] != '\n') {
      i++;
    }
    return i;
  }

  private static int next(byte[] message, int lineEnd) {
    int i = lineEnd;
    if (i < message.length && message[i] == '\r') {
      i++;
    }
    if (i < message.length && message[i] == '\n') {
      i++;
    }
    return i;
  }
}

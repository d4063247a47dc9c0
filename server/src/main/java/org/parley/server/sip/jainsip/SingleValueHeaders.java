package org.parley.server.sip.jainsip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

/**
 * Finds a header that RFC 3261 §7.3.1 allows once per message appearing twice, by its long or
 * compact name, in a message's raw header section.
 */
final class SingleValueHeaders {

  // RFC 3261 §20: the headers a proxy or registrar relies on that take a single value, by long and
  // compact name (lower case); each canonical name is one bit of check()'s set.
  private static final String[] CANONICAL_NAMES = {
    "Call-ID", "CSeq", "From", "To", "Max-Forwards", "Content-Length", "Content-Type"
  };
  private static final byte[][] LOWER_NAMES = {
    ascii("call-id"),
    ascii("i"),
    ascii("cseq"),
    ascii("from"),
    ascii("f"),
    ascii("to"),
    ascii("t"),
    ascii("max-forwards"),
    ascii("content-length"),
    ascii("l"),
    ascii("content-type"),
    ascii("c")
  };
  private static final int[] CANONICAL_OF = {0, 0, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6};

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
        int canonical = canonicalIndex(message, lineStart, lineEnd);
        if (canonical >= 0) {
          int bit = 1 << canonical;
          if ((seen & bit) != 0) {
            throw new ParseException(
                "More than one " + CANONICAL_NAMES[canonical] + " header", lineStart);
          }
          seen |= bit;
        }
      }
      lineStart = next(message, lineEnd);
    }
  }

  /**
   * The index in {@link #CANONICAL_NAMES} of the line's header name, or -1. Compared in place: a
   * String per header line was a third of this check's cost in the proxy's profile.
   */
  private static int canonicalIndex(byte[] message, int start, int end) {
    int colon = start;
    while (colon < end && message[colon] != ':') {
      colon++;
    }
    if (colon == end) {
      return -1;
    }
    int nameStart = start;
    int nameEnd = colon;
    while (nameStart < nameEnd && isBlank(message[nameStart])) {
      nameStart++;
    }
    while (nameEnd > nameStart && isBlank(message[nameEnd - 1])) {
      nameEnd--;
    }
    for (int i = 0; i < LOWER_NAMES.length; i++) {
      if (equalsIgnoringAsciiCase(message, nameStart, nameEnd, LOWER_NAMES[i])) {
        return CANONICAL_OF[i];
      }
    }
    return -1;
  }

  private static boolean equalsIgnoringAsciiCase(
      byte[] message, int start, int end, byte[] lowerName) {
    if (end - start != lowerName.length) {
      return false;
    }
    for (int i = 0; i < lowerName.length; i++) {
      byte b = message[start + i];
      if (b >= 'A' && b <= 'Z') {
        b = (byte) (b + ('a' - 'A'));
      }
      if (b != lowerName[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
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

package org.parley.media.sdp;

/** Checks on the text that may go into an SDP line, so a model object always formats validly. */
final class SdpText {

  private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`{|}~";

  private SdpText() {}

  /** Text free of the characters that would end or corrupt a line: CR, LF and NUL. */
  static String requireText(String value, String what) {
    if (value == null) {
      throw new NullPointerException(what + " is null");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n' || c == '\0') {
        throw new IllegalArgumentException(what + " contains CR, LF or NUL");
      }
    }
    return value;
  }

  /** A non-empty field of a space-separated line: text with no space in it. */
  static String requireWord(String value, String what) {
    requireText(value, what);
    if (value.isEmpty() || value.indexOf(' ') >= 0) {
      throw new IllegalArgumentException(what + " must be non-empty and contain no space");
    }
    return value;
  }

  /** An RFC 8866 {@code token}, as attribute names and bandwidth types must be. */
  static String requireToken(String value, String what) {
    requireText(value, what);
    if (!isToken(value)) {
      throw new IllegalArgumentException(what + " is not an RFC 8866 token");
    }
    return value;
  }

  static boolean isToken(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && TOKEN_PUNCTUATION.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The value of a string of ASCII digits, or -1 if it is empty, has anything but digits, or has
   * more than {@code maxDigits} digits (at most 18, so the result always fits in a long).
   */
  static long parseDigits(String value, int maxDigits) {
    if (value.isEmpty() || value.length() > Math.min(maxDigits, 18)) {
      return -1;
    }
    long result = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      result = result * 10 + (c - '0');
    }
    return result;
  }
}

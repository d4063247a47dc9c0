package org.parley.server.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a {@code Range: bytes=...} request header (RFC 9110 §14.1.2), resolved against
 * a representation's length.
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  /** Thrown for a range that selects nothing of the representation: answer 416. */
  static final class Unsatisfiable extends Exception {
    private static final long serialVersionUID = 1L;

    Unsatisfiable(String header) {
      super("Range " + header + " selects nothing");
    }
  }

  long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value for a 206 response. */
  String contentRange(long totalLength) {
    return "bytes " + first + "-" + last + "/" + totalLength;
  }

  /**
   * The range a header asks for; empty when there is no header or it is not one single byte range
   * we understand (the server then sends the whole representation, as RFC 9110 allows).
   *
   * @throws Unsatisfiable when the range starts beyond the end, or is a zero-length suffix
   */
  static Optional<ByteRange> parse(String header, long totalLength) throws Unsatisfiable {
    if (header == null) {
      return Optional.empty();
    }
    Matcher matcher = SINGLE.matcher(header.strip());
    if (!matcher.matches() || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
      return Optional.empty();
    }
    try {
      if (matcher.group(1).isEmpty()) {
        long suffix = Long.parseLong(matcher.group(2));
        if (suffix == 0 || totalLength == 0) {
          throw new Unsatisfiable(header);
        }
        return Optional.of(new ByteRange(Math.max(0, totalLength - suffix), totalLength - 1));
      }
      long first = Long.parseLong(matcher.group(1));
      long last = matcher.group(2).isEmpty() ? totalLength - 1 : Long.parseLong(matcher.group(2));
      if (first >= totalLength) {
        throw new Unsatisfiable(header);
      }
      if (last < first) {
        return Optional.empty(); // invalid syntax: ignore the header
      }
      return Optional.of(new ByteRange(first, Math.min(last, totalLength - 1)));
    } catch (NumberFormatException e) {
      return Optional.empty(); // more digits than a long holds
    }
  }
}

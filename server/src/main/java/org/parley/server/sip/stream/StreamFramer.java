package org.parley.server.sip.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cuts a SIP byte stream (TCP, or TLS after decryption) into messages, as RFC 3261 §18.3 says: the
 * header section ends at the first empty line and Content-Length counts the body that follows.
 * Content-Length is found however the sender spelled it: the compact form {@code l}, any case, and
 * whitespace before the colon (RFC 3261 §7.3.1). A missing Content-Length means an empty body.
 *
 * <p>Between messages, a CRLFCRLF is a keep-alive ping (RFC 5626 §4.4.1) and a lone CRLF a pong;
 * other CRLFs before a start line are ignored (RFC 3261 §7.5). When the stream cannot be framed (a
 * Content-Length that is not one non-negative number, a header section or body larger than the
 * limit) the framer reports it once and stops: the connection must be closed.
 *
 * <p>Not thread-safe: one framer serves one connection and is fed from one thread at a time.
 */
public final class StreamFramer {

  /** What the framer found in the stream. */
  public interface Listener {

    /**
     * A complete message.
     *
     * @param head the start line and headers, ending with the empty line
     * @param body exactly Content-Length bytes
     */
    void message(byte[] head, byte[] body);

    /** A CRLFCRLF keep-alive ping between messages, to be answered with a CRLF. */
    void ping();

    /** A lone CRLF between messages: the answer to our ping. */
    void pong();

    /**
     * The stream cannot be framed any further.
     *
     * @param head the header section of the message that broke framing, or null when it never ended
     * @param reason why, for a 400 reason phrase and the log
     */
    void broken(byte[] head, String reason);
  }

  private static final byte CR = '\r';
  private static final byte LF = '\n';

  private final Listener listener;
  private final int maxMessageBytes;
  private byte[] buffer = new byte[4096];
  private int length;
  private int scanned; // bytes of the buffer already searched for the end of the headers
  private int headLength = -1; // known once the empty line is found
  private int bodyLength;
  private boolean broken;

  /**
   * A framer for one connection.
   *
   * @param maxMessageBytes the largest message (headers and body) accepted
   */
  public StreamFramer(Listener listener, int maxMessageBytes) {
    this.listener = listener;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Takes the next bytes read from the connection and reports every message they complete. */
  public void feed(byte[] bytes, int offset, int count) {
    if (broken) {
      return;
    }
    append(bytes, offset, count);
    while (!broken && deliverNext()) {
      // one message, ping or pong per round
    }
  }

  /** Whether the stream could not be framed: nothing more will be reported. */
  public boolean isBroken() {
    return broken;
  }

  private boolean deliverNext() {
    if (headLength < 0) {
      if (skipKeepAlives()) {
        return true;
      }
      if (length > 0 && isLineEnd(buffer[0])) {
        return false; // the start of a ping or pong, or CRLFs before a message: wait
      }
      if (!findEndOfHead()) {
        if (length > maxMessageBytes) {
          fail(null, "Header section larger than " + maxMessageBytes + " bytes");
        }
        return false;
      }
      if (!readContentLength()) {
        return false;
      }
    }
    int total = headLength + bodyLength;
    if (length < total) {
      return false;
    }
    byte[] head = Arrays.copyOfRange(buffer, 0, headLength);
    byte[] body = Arrays.copyOfRange(buffer, headLength, total);
    consume(total);
    headLength = -1;
    listener.message(head, body);
    return true;
  }

  /**
   * Consumes line ends before a start line: CRLFCRLF is a ping, a lone CRLF a pong, others are
   * ignored. True when something was consumed.
   */
  private boolean skipKeepAlives() {
    if (length == 0 || !isLineEnd(buffer[0])) {
      return false;
    }
    if (startsWith(CR, LF, CR, LF)) {
      consume(4);
      listener.ping();
      return true;
    }
    int run = 0;
    while (run < length && isLineEnd(buffer[run])) {
      run++;
    }
    if (run == length) {
      if (run < 4) {
        return false; // perhaps the start of a ping: wait for more
      }
      consume(1); // not a ping: a stray line end
      return true;
    }
    boolean pong = run == 2 && buffer[0] == CR;
    consume(run);
    if (pong) {
      listener.pong();
    }
    return true;
  }

  private static boolean isLineEnd(byte value) {
    return value == CR || value == LF;
  }

  /** Finds the empty line that ends the header section (lines end in CRLF, or a bare LF). */
  private boolean findEndOfHead() {
    for (int i = Math.max(scanned, 1); i < length; i++) {
      if (buffer[i] != LF) {
        continue;
      }
      if (buffer[i - 1] == LF) {
        headLength = i + 1;
        return true;
      }
      if (buffer[i - 1] == CR && i >= 2 && buffer[i - 2] == LF) {
        headLength = i + 1;
        return true;
      }
    }
    scanned = length;
    return false;
  }

  private boolean readContentLength() {
    String head = new String(buffer, 0, headLength, StandardCharsets.ISO_8859_1);
    String value = null;
    for (String line : unfoldedLines(head)) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("content-length") && !name.equals("l")) {
        continue;
      }
      String candidate = line.substring(colon + 1).strip();
      if (value != null && !value.equals(candidate)) {
        fail(head, "Conflicting Content-Length values");
        return false;
      }
      value = candidate;
    }
    if (value == null) {
      bodyLength = 0;
      return true;
    }
    if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
      fail(head, "Content-Length is not a number of bytes");
      return false;
    }
    bodyLength = Integer.parseInt(value);
    if (headLength + bodyLength > maxMessageBytes) {
      fail(head, "Message larger than " + maxMessageBytes + " bytes");
      return false;
    }
    return true;
  }

  /** The header lines with continuation lines (starting with SP or HT) joined to their header. */
  private static Iterable<String> unfoldedLines(String head) {
    return head.replaceAll("\r?\n[ \t]+", " ").lines()::iterator;
  }

  private void fail(String head, String reason) {
    broken = true;
    byte[] headBytes = head == null ? null : head.getBytes(StandardCharsets.ISO_8859_1);
    listener.broken(headBytes, reason);
  }

  private boolean startsWith(byte... prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (buffer[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private void append(byte[] bytes, int offset, int count) {
    if (length + count > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
    }
    System.arraycopy(bytes, offset, buffer, length, count);
    length += count;
  }

  private void consume(int count) {
    System.arraycopy(buffer, count, buffer, 0, length - count);
    length -= count;
    scanned = 0;
  }

  /** The bytes waiting for the rest of their message, for tests and diagnostics. */
  int pendingBytes() {
    return length;
  }
}

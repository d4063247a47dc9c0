package org.parley.media.sdp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SDP text (RFC 8866, and RFC 4566 before it) into a {@link SessionDescription}.
 *
 * <p>Strict where a mistake would change the meaning: {@code v=}, {@code o=}, {@code s=} must be
 * the first three lines; session-only lines must not follow an {@code m=} line; unknown line types
 * are rejected (RFC 8866 §5 says to ignore such a description entirely). Tolerant where real peers
 * stray harmlessly: CRLF or bare LF, blank lines, runs of spaces between fields, the order of lines
 * within a section, an empty {@code s=}, a missing {@code t=} (taken as {@code t=0 0}), and an
 * {@code m=} line with port 0 and no formats. Unknown attributes are kept.
 */
public final class SdpParser {

  /** The largest body accepted, in bytes of UTF-8. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private static final String KNOWN_TYPES = "vosiuepcbtrzkam";
  private static final String SESSION_ONLY_TYPES = "vosuepzrt";
  private static final int MAX_QUOTE_CHARS = 24;

  private final SessionDescription.Builder session = SessionDescription.builder();
  private final List<Timing> timings = new ArrayList<>();
  private MediaDescription.Builder medium;
  private boolean sectionHasConnection;
  private int lineNumber;

  private SdpParser() {}

  /**
   * Parses a body received as bytes, decoded as UTF-8.
   *
   * @throws SdpParseException if it is over {@link #MAX_BODY_BYTES} or malformed
   */
  public static SessionDescription parse(byte[] body) throws SdpParseException {
    if (body.length > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return parse(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Parses SDP text.
   *
   * @throws SdpParseException if it is over {@link #MAX_BODY_BYTES} in UTF-8 or malformed
   */
  public static SessionDescription parse(String text) throws SdpParseException {
    // Every char is at least one byte of UTF-8, so the cheap test goes first.
    if (text.length() > MAX_BODY_BYTES || utf8Length(text) > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    return new SdpParser().run(text);
  }

  private SessionDescription run(String text) throws SdpParseException {
    int start = 0;
    int count = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNumber++;
      String line = text.substring(start, end);
      start = end + 1;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (!line.isEmpty()) {
        checkCharacters(line);
        count++;
        readLine(count, line);
      }
    }
    if (count < 3) {
      lineNumber++;
      throw error("missing " + "vos".charAt(count) + "= line");
    }
    finishMedium();
    timings.forEach(session::addTiming);
    return session.build();
  }

  private void checkCharacters(String line) throws SdpParseException {
    if (line.indexOf('\r') >= 0) {
      throw error("carriage return inside a line");
    }
    if (line.indexOf('\0') >= 0) {
      throw error("NUL character");
    }
  }

  /** Reads the {@code index}th non-blank line (1-based). */
  private void readLine(int index, String line) throws SdpParseException {
    if (line.length() < 2 || line.charAt(1) != '=') {
      throw error("expected <type>=<value>");
    }
    char type = line.charAt(0);
    String value = line.substring(2);
    if (KNOWN_TYPES.indexOf(type) < 0) {
      throw error("unknown line type '" + quote(String.valueOf(type)) + "'");
    }
    if (index <= 3) {
      char expected = "vos".charAt(index - 1);
      if (type != expected) {
        throw error("expected " + expected + "= but found " + type + "=");
      }
    } else if (medium != null && SESSION_ONLY_TYPES.indexOf(type) >= 0) {
      throw error(type + "= is a session-level line and must come before the first m= line");
    } else if ("vos".indexOf(type) >= 0) {
      throw error("duplicate " + type + "= line");
    }
    readField(type, value);
  }

  private void readField(char type, String value) throws SdpParseException {
    switch (type) {
      case 'v':
        if (!value.equals("0")) {
          throw error("unsupported SDP version '" + quote(value) + "', expected 0");
        }
        session.version(0);
        break;
      case 'o':
        session.origin(origin(value));
        break;
      case 's':
        session.sessionName(value);
        break;
      case 'c':
        connection(value);
        break;
      case 'b':
        bandwidth(value);
        break;
      case 't':
        timings.add(timing(value));
        break;
      case 'r':
        if (timings.isEmpty()) {
          throw error("r= must follow a t= line");
        }
        int last = timings.size() - 1;
        timings.set(last, timings.get(last).withRepeatTime(value));
        break;
      case 'a':
        attribute(value);
        break;
      case 'm':
        finishMedium();
        medium = mediaLine(value);
        break;
      default:
        // i, u, e, p, z, k: kept as written.
        if (medium != null) {
          medium.addOtherLine(new SdpLine(type, value));
        } else {
          session.addOtherLine(new SdpLine(type, value));
        }
        break;
    }
  }

  private Origin origin(String value) throws SdpParseException {
    String[] fields = fields(value);
    if (fields.length != 6) {
      throw error(
          "o= needs 6 fields (username sess-id sess-version nettype addrtype"
              + " unicast-address), found "
              + fields.length);
    }
    return new Origin(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
  }

  private void connection(String value) throws SdpParseException {
    if (sectionHasConnection) {
      throw error("second c= line in one section");
    }
    String[] fields = fields(value);
    if (fields.length != 3) {
      throw error(
          "c= needs 3 fields (nettype addrtype connection-address), found " + fields.length);
    }
    Connection connection = new Connection(fields[0], fields[1], fields[2]);
    sectionHasConnection = true;
    if (medium != null) {
      medium.connection(connection);
    } else {
      session.connection(connection);
    }
  }

  private void bandwidth(String value) throws SdpParseException {
    int colon = value.indexOf(':');
    if (colon < 0 || !SdpText.isToken(value.substring(0, colon))) {
      throw error("b= needs <bwtype>:<bandwidth>");
    }
    String amount = value.substring(colon + 1);
    long bandwidth = SdpText.parseDigits(amount, 18);
    if (bandwidth < 0) {
      throw error("b= bandwidth '" + quote(amount) + "' is not a number");
    }
    Bandwidth parsed = new Bandwidth(value.substring(0, colon), bandwidth);
    if (medium != null) {
      medium.addBandwidth(parsed);
    } else {
      session.addBandwidth(parsed);
    }
  }

  private Timing timing(String value) throws SdpParseException {
    String[] fields = fields(value);
    if (fields.length != 2) {
      throw error("t= needs 2 fields (start-time stop-time), found " + fields.length);
    }
    long startTime = SdpText.parseDigits(fields[0], 18);
    long stopTime = SdpText.parseDigits(fields[1], 18);
    if (startTime < 0) {
      throw error("t= start time '" + quote(fields[0]) + "' is not a number");
    }
    if (stopTime < 0) {
      throw error("t= stop time '" + quote(fields[1]) + "' is not a number");
    }
    return new Timing(startTime, stopTime, List.of());
  }

  private void attribute(String value) throws SdpParseException {
    int colon = value.indexOf(':');
    String name = colon < 0 ? value : value.substring(0, colon);
    if (name.isEmpty()) {
      throw error("attribute without a name");
    }
    if (!SdpText.isToken(name)) {
      // Not quoted: a malformed a=crypto line would put its key into the "name".
      throw error("attribute name is not a token");
    }
    Attribute attribute = new Attribute(name, colon < 0 ? null : value.substring(colon + 1));
    if (medium != null) {
      medium.addAttribute(attribute);
    } else {
      session.addAttribute(attribute);
    }
  }

  private MediaDescription.Builder mediaLine(String value) throws SdpParseException {
    String[] fields = fields(value);
    if (fields.length < 3) {
      throw error("m= needs <media> <port> <proto> <fmt>..., found " + fields.length + " fields");
    }
    String portField = fields[1];
    int slash = portField.indexOf('/');
    String portText = slash < 0 ? portField : portField.substring(0, slash);
    long port = SdpText.parseDigits(portText, 9);
    if (port < 0 && (portText.isEmpty() || !portText.chars().allMatch(c -> c >= '0' && c <= '9'))) {
      throw error("m= port '" + quote(portText) + "' is not a number");
    }
    if (port < 0 || port > 65535) {
      throw error("m= port '" + quote(portText) + "' is out of range 0-65535");
    }
    long portCount = 1;
    if (slash >= 0) {
      String countText = portField.substring(slash + 1);
      portCount = SdpText.parseDigits(countText, 5);
      if (portCount < 1) {
        throw error("m= port count '" + quote(countText) + "' is not a positive number");
      }
    }
    if (fields.length == 3 && port != 0) {
      throw error("m= line has no formats");
    }
    sectionHasConnection = false;
    MediaDescription.Builder builder =
        MediaDescription.builder(fields[0], (int) port, fields[2]).portCount((int) portCount);
    for (int i = 3; i < fields.length; i++) {
      builder.addFormat(fields[i]);
    }
    return builder;
  }

  private void finishMedium() {
    if (medium != null) {
      session.addMedia(medium.build());
      medium = null;
    }
  }

  /** The space-separated fields of a value; runs of spaces count as one separator. */
  private static String[] fields(String value) {
    String trimmed = value.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split(" +");
  }

  private SdpParseException error(String problem) {
    return new SdpParseException(lineNumber, problem);
  }

  private static SdpParseException tooLarge() {
    return new SdpParseException(0, "SDP body is over the limit of " + MAX_BODY_BYTES + " bytes");
  }

  /** A short, printable excerpt of a field for an error message. */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length() && i < MAX_QUOTE_CHARS; i++) {
      char c = value.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return value.length() > MAX_QUOTE_CHARS ? out.append("...").toString() : out.toString();
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800 || Character.isSurrogate(c)) {
        bytes += 2; // a surrogate pair is four bytes, two per half
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}

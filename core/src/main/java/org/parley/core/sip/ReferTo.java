package org.parley.core.sip;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A REFER's Refer-To (RFC 3515 §2.1): the target URI and, for an attended transfer, the Replaces
 * header embedded in it ({@code <sip:c@host?Replaces=id%3Bto-tag%3Da%3Bfrom-tag%3Db>}).
 *
 * @param targetUri the URI without its embedded headers
 * @param replaces the dialog the new INVITE is to replace, if any
 */
public record ReferTo(String targetUri, Optional<Replaces> replaces) {

  // RFC 3261 §25.1 hvalue: unreserved, hnv-unreserved and escaped; everything else is escaped.
  private static final String HVALUE_PLAIN = "-_.!~*'()[]/?:+$";

  public ReferTo {
    if (targetUri == null || targetUri.isBlank() || targetUri.indexOf(':') < 1) {
      throw new IllegalArgumentException("Refer-To needs a URI: " + targetUri);
    }
  }

  /**
   * Reads a header value: a name-addr ({@code "Carol" <sip:c@host?Replaces=...>}) or a bare URI.
   *
   * @throws IllegalArgumentException when there is no URI, or its Replaces is malformed
   */
  public static ReferTo parse(String value) {
    String text = value.trim();
    int open = text.indexOf('<');
    String uri;
    if (open >= 0) {
      int close = text.indexOf('>', open);
      if (close < 0) {
        throw new IllegalArgumentException("Refer-To without its closing '>': " + value);
      }
      uri = text.substring(open + 1, close).trim();
    } else {
      // A bare addr-spec has no headers, and what follows ';' is the header's parameters.
      int semicolon = text.indexOf(';');
      uri = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
    }
    int question = uri.indexOf('?');
    if (question < 0) {
      return new ReferTo(uri, Optional.empty());
    }
    Optional<Replaces> replaces = Optional.empty();
    for (String header : uri.substring(question + 1).split("&")) {
      int equals = header.indexOf('=');
      if (equals > 0 && "replaces".equalsIgnoreCase(header.substring(0, equals).trim())) {
        replaces = Optional.of(Replaces.parse(unescape(header.substring(equals + 1))));
      }
    }
    return new ReferTo(uri.substring(0, question), replaces);
  }

  /** A Refer-To for a blind transfer to {@code targetUri}. */
  public static ReferTo of(String targetUri) {
    return new ReferTo(targetUri, Optional.empty());
  }

  /** Whether the target is a SIP URI (sip: or sips:), the only kind we call. */
  public boolean isSip() {
    String lower = targetUri.toLowerCase(Locale.ROOT);
    return lower.startsWith("sip:") || lower.startsWith("sips:");
  }

  /** The header value, always a name-addr so the embedded header stays in the URI. */
  public String format() {
    return replaces
        .map(r -> "<" + targetUri + "?Replaces=" + escape(r.format()) + ">")
        .orElse("<" + targetUri + ">");
  }

  static String escape(String value) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || HVALUE_PLAIN.indexOf(c) >= 0) {
        escaped.append(c);
      } else {
        escaped.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return escaped.toString();
  }

  static String unescape(String value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%') {
        if (i + 2 >= value.length()) {
          throw new IllegalArgumentException("Truncated escape in " + value);
        }
        int high = Character.digit(value.charAt(i + 1), 16);
        int low = Character.digit(value.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("Bad escape in " + value);
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

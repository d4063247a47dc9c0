package org.parley.core.sip;

import java.util.Optional;

/**
 * The status line of a {@code message/sipfrag} body (RFC 3420), as a REFER's NOTIFY carries it (RFC
 * 3515 §2.4.5): {@code SIP/2.0 180 Ringing}.
 */
public record SipFrag(int statusCode, String reasonPhrase) {

  public static final String CONTENT_TYPE = "message/sipfrag";

  public SipFrag {
    if (statusCode < 100 || statusCode > 699) {
      throw new IllegalArgumentException("Not a SIP status code: " + statusCode);
    }
  }

  /**
   * The status line at the start of {@code body}, or empty when the body does not start with one (a
   * request line, garbage, nothing).
   */
  public static Optional<SipFrag> parse(String body) {
    String text = body.stripLeading();
    int end = text.indexOf('\n');
    String line = (end < 0 ? text : text.substring(0, end)).strip();
    String[] parts = line.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("SIP/") || parts[1].length() != 3) {
      return Optional.empty();
    }
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (status < 100 || status > 699) {
      return Optional.empty();
    }
    return Optional.of(new SipFrag(status, parts.length == 3 ? parts[2] : ""));
  }

  /** The body: the status line and its CRLF. */
  public String format() {
    return "SIP/2.0 " + statusCode + " " + reasonPhrase + "\r\n";
  }

  /** A final status ends the REFER's implicit subscription. */
  public boolean isFinal() {
    return statusCode >= 200;
  }
}

package org.parley.core.sip.jainsip;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.header.Header;
import org.parley.core.sip.SipWarning;

/** Writes {@link SipWarning}s as Warning headers (RFC 3261 §20.43). */
final class WarningHeaders {

  private WarningHeaders() {}

  /**
   * The header, with our host as warn-agent; null for no warning. The text is a quoted-string, so
   * quotes, backslashes and control characters (from a parser's message) become apostrophes.
   */
  static Header of(SipFactories sip, SipWarning warning) {
    if (warning == null) {
      return null;
    }
    String agent = sip.provider().getListeningPoints()[0].getIPAddress();
    String text = warning.text().replaceAll("[\\\\\"\\p{Cntrl}]", "'");
    try {
      return sip.headers().createWarningHeader(agent, warning.code(), text);
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalArgumentException("Cannot write a Warning for " + warning, e);
    }
  }
}

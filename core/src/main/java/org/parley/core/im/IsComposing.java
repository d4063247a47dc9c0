package org.parley.core.im;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.parley.core.xml.SafeXml;
import org.w3c.dom.Element;

/**
 * The typing indication of RFC 3994: an {@code application/im-iscomposing+xml} document saying a
 * peer is composing ("active", refreshed while typing) or stopped ("idle").
 *
 * @param active whether the peer is composing
 * @param refresh how long an "active" state lasts without a refresh (RFC 3994 §4: 120 s default)
 */
public record IsComposing(boolean active, Duration refresh) {

  public static final String CONTENT_TYPE = "application/im-iscomposing+xml";
  public static final String NAMESPACE = "urn:ietf:params:xml:ns:im-iscomposing";

  /** How long "active" lasts when the document names no refresh (RFC 3994 §4). */
  public static final Duration DEFAULT_ACTIVE_TIMEOUT = Duration.ofSeconds(120);

  /** The interval we announce and refresh "active" at (RFC 3994 §3.2 suggests at least 60 s). */
  public static final Duration OUR_REFRESH = Duration.ofSeconds(60);

  /** The largest document parsed: a real one is a few hundred bytes. */
  public static final int MAX_BYTES = 2048;

  /** The document for our own state. */
  public static byte[] document(boolean active) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<isComposing xmlns=\""
            + NAMESPACE
            + "\">\n"
            + "  <state>"
            + (active ? "active" : "idle")
            + "</state>\n"
            + "  <contenttype>text/plain</contenttype>\n"
            + (active ? "  <refresh>" + OUR_REFRESH.toSeconds() + "</refresh>\n" : "")
            + "</isComposing>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a peer's document. Doctypes are refused, so no external entity or entity expansion is
   * ever processed.
   *
   * @throws IllegalArgumentException when it is not an isComposing document with a valid state
   */
  public static IsComposing parse(byte[] document) {
    Element root = SafeXml.root(document, MAX_BYTES, "isComposing");
    if (!SafeXml.is(root, NAMESPACE, "isComposing")) {
      throw new IllegalArgumentException("The root element is not isComposing");
    }
    String state = SafeXml.childText(root, NAMESPACE, "state").orElse("");
    boolean active;
    if ("active".equals(state)) {
      active = true;
    } else if ("idle".equals(state)) {
      active = false;
    } else {
      throw new IllegalArgumentException("isComposing state must be active or idle");
    }
    Duration refresh = DEFAULT_ACTIVE_TIMEOUT;
    Optional<String> seconds = SafeXml.childText(root, NAMESPACE, "refresh");
    if (seconds.isPresent()) {
      try {
        long value = Long.parseLong(seconds.get());
        if (value > 0) {
          refresh = Duration.ofSeconds(value);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("isComposing refresh is not a number", e);
      }
    }
    return new IsComposing(active, refresh);
  }
}

package org.parley.core.im;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

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
    if (document.length > MAX_BYTES) {
      throw new IllegalArgumentException("isComposing document larger than " + MAX_BYTES);
    }
    Element root;
    try {
      root = secureBuilder().parse(new ByteArrayInputStream(document)).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("Not well-formed XML without a DOCTYPE", e);
    }
    if (!NAMESPACE.equals(root.getNamespaceURI()) || !"isComposing".equals(root.getLocalName())) {
      throw new IllegalArgumentException("The root element is not isComposing");
    }
    String state = child(root, "state").orElse("");
    boolean active;
    if ("active".equals(state)) {
      active = true;
    } else if ("idle".equals(state)) {
      active = false;
    } else {
      throw new IllegalArgumentException("isComposing state must be active or idle");
    }
    Duration refresh = DEFAULT_ACTIVE_TIMEOUT;
    Optional<String> seconds = child(root, "refresh");
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

  private static Optional<String> child(Element root, String name) {
    for (Node node = root.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element
          && NAMESPACE.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        return Optional.of(element.getTextContent().trim());
      }
    }
    return Optional.empty();
  }

  private static DocumentBuilder secureBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("The JDK's XML parser lacks a required feature", e);
    }
  }
}

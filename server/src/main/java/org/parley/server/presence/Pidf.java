package org.parley.server.presence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/** PIDF documents (RFC 3863): checking what publishers send, and the "closed" default. */
public final class Pidf {

  public static final String CONTENT_TYPE = "application/pidf+xml";
  public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";

  /** The largest document accepted from a publisher. */
  public static final int MAX_BYTES = 8192;

  private Pidf() {}

  /**
   * Checks a published document: well-formed XML whose root is a PIDF {@code presence} element for
   * {@code presentity}. Doctypes are refused, so no external entity or entity expansion is ever
   * processed.
   *
   * @throws IllegalArgumentException with a reason for a 400
   */
  public static void check(byte[] document, String presentity) {
    if (document.length > MAX_BYTES) {
      throw new IllegalArgumentException("PIDF document larger than " + MAX_BYTES + " bytes");
    }
    Element root;
    try {
      Document parsed = secureBuilder().parse(new ByteArrayInputStream(document));
      root = parsed.getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException("Not a well-formed XML document without a DOCTYPE", e);
    }
    if (!NAMESPACE.equals(root.getNamespaceURI()) || !"presence".equals(root.getLocalName())) {
      throw new IllegalArgumentException("The root element is not a PIDF presence element");
    }
    String entity = root.getAttribute("entity");
    if (!entity.isEmpty() && !sameEntity(entity, presentity)) {
      throw new IllegalArgumentException("The document describes " + entity);
    }
  }

  /** The document for a presentity nobody has published for: one closed tuple. */
  public static byte[] closed(String presentity) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<presence xmlns=\""
            + NAMESPACE
            + "\" entity=\""
            + XmlText.escape(presentity)
            + "\">\n"
            + "  <tuple id=\"parley-server\"><status><basic>closed</basic></status></tuple>\n"
            + "</presence>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean sameEntity(String entity, String presentity) {
    String bare = entity.replaceFirst("^pres:", "sip:");
    return bare.equalsIgnoreCase(presentity);
  }

  private static DocumentBuilder secureBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
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

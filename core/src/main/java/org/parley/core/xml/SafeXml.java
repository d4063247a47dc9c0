package org.parley.core.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * Parses the small XML bodies peers send (PIDF, isComposing) safely: a size cap, and doctypes
 * refused, so no external entity, external DTD or entity expansion is ever processed.
 */
public final class SafeXml {

  private SafeXml() {}

  /**
   * The root element of {@code document}, namespace-aware.
   *
   * @param what the document's kind, for messages
   * @throws IllegalArgumentException when it is larger than {@code maxBytes}, not well-formed or
   *     has a DOCTYPE
   */
  public static Element root(byte[] document, int maxBytes, String what) {
    if (document.length > maxBytes) {
      throw new IllegalArgumentException(what + " document larger than " + maxBytes + " bytes");
    }
    try {
      return builder().parse(new ByteArrayInputStream(document)).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalArgumentException(what + ": not well-formed XML without a DOCTYPE", e);
    }
  }

  /** Whether {@code element} is {@code name} in {@code namespace}. */
  public static boolean is(Node node, String namespace, String name) {
    return node instanceof Element element
        && namespace.equals(element.getNamespaceURI())
        && name.equals(element.getLocalName());
  }

  /** The direct children of {@code parent} named {@code name} in {@code namespace}. */
  public static List<Element> children(Element parent, String namespace, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (is(node, namespace, name)) {
        found.add((Element) node);
      }
    }
    return found;
  }

  /** The trimmed text of the first such child, if there is one. */
  public static Optional<String> childText(Element parent, String namespace, String name) {
    return children(parent, namespace, name).stream()
        .findFirst()
        .map(element -> element.getTextContent().trim());
  }

  /** Every element child of {@code parent}, in any namespace. */
  public static List<Element> elements(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        found.add(element);
      }
    }
    return found;
  }

  private static DocumentBuilder builder() {
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

package org.parley.server.presence;

/** Text made safe for the XML documents the presence agent writes. */
final class XmlText {

  private XmlText() {}

  /** Escapes text for a double-quoted attribute value or element content. */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }
}

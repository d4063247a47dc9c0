package org.parley.server.sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A SIP message as text, parsed just enough for tests to assert on what crossed the wire. */
public final class SipMessage {

  private final String startLine;
  private final List<String[]> headers;
  private final String body;
  private final String raw;

  private SipMessage(String startLine, List<String[]> headers, String body, String raw) {
    this.startLine = startLine;
    this.headers = headers;
    this.body = body;
    this.raw = raw;
  }

  public static SipMessage parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(
          new String[] {
            lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip()
          });
    }
    return new SipMessage(lines[0], headers, body, raw);
  }

  public boolean isResponse() {
    return startLine.startsWith("SIP/2.0 ");
  }

  public int status() {
    return Integer.parseInt(startLine.split(" ")[1]);
  }

  public String method() {
    return isResponse() ? header("CSeq").split(" ")[1] : startLine.split(" ")[0];
  }

  public String requestUri() {
    return startLine.split(" ")[1];
  }

  public String startLine() {
    return startLine;
  }

  /** The first value of a header, or null. Names compare without case. */
  public String header(String name) {
    List<String> all = headers(name);
    return all.isEmpty() ? null : all.get(0);
  }

  /** Every value of a header, comma-separated values split where the header is a list. */
  public List<String> headers(String name) {
    List<String> values = new ArrayList<>();
    for (String[] header : headers) {
      if (header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        values.add(header[1]);
      }
    }
    return values;
  }

  /** Every element of a list header such as Contact, whether sent as lines or comma-separated. */
  public List<String> listValues(String name) {
    List<String> values = new ArrayList<>();
    for (String line : headers(name)) {
      int depth = 0;
      boolean quoted = false;
      int start = 0;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '<') {
          depth++;
        } else if (!quoted && c == '>') {
          depth--;
        } else if (!quoted && depth == 0 && c == ',') {
          values.add(line.substring(start, i).strip());
          start = i + 1;
        }
      }
      values.add(line.substring(start).strip());
    }
    return values;
  }

  public List<String> headerNames() {
    List<String> names = new ArrayList<>();
    headers.forEach(header -> names.add(header[0]));
    return names;
  }

  public String body() {
    return body;
  }

  /** The tag parameter of a From or To header value. */
  public static String tag(String headerValue) {
    int index = headerValue.indexOf(";tag=");
    if (index < 0) {
      return null;
    }
    String rest = headerValue.substring(index + 5);
    int end = rest.indexOf(';');
    return end < 0 ? rest : rest.substring(0, end);
  }

  @Override
  public String toString() {
    return raw;
  }
}

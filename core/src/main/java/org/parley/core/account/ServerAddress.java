package org.parley.core.account;

import java.util.Locale;

/**
 * Where an account's requests go first: its outbound proxy or, without one, its registrar.
 *
 * @param host a host name or IP literal (IPv6 without brackets)
 * @param port the port, or the transport's default when the configuration named none
 */
public record ServerAddress(String host, int port) {

  public ServerAddress {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("A server address needs a host");
    }
    if (port <= 0 || port > 65_535) {
      throw new IllegalArgumentException("Port out of range: " + port);
    }
    host = host.toLowerCase(Locale.ROOT);
  }

  /**
   * Reads {@code host}, {@code host:port}, {@code [v6]:port} or a SIP URI such as {@code
   * sip:proxy.example:5070;transport=tcp} (URI parameters are ignored: the account's transport
   * decides).
   */
  public static ServerAddress parse(String text, int defaultPort) {
    String rest = text.strip();
    int colon = rest.indexOf(':');
    if (colon > 0 && rest.substring(0, colon).toLowerCase(Locale.ROOT).matches("sips?")) {
      rest = rest.substring(colon + 1);
    }
    int params = rest.indexOf(';');
    if (params >= 0) {
      rest = rest.substring(0, params);
    }
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("Unclosed IPv6 literal in " + text);
      }
      String host = rest.substring(1, close);
      String after = rest.substring(close + 1);
      return new ServerAddress(
          host, after.startsWith(":") ? port(after.substring(1), text) : defaultPort);
    }
    int portColon = rest.lastIndexOf(':');
    if (portColon >= 0 && rest.indexOf(':') == portColon) {
      return new ServerAddress(
          rest.substring(0, portColon), port(rest.substring(portColon + 1), text));
    }
    return new ServerAddress(rest, defaultPort);
  }

  private static int port(String digits, String text) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Not a port number in " + text, e);
    }
  }

  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}

package org.parley.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises IP address literals without ever asking DNS. */
final class IpLiterals {

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  private IpLiterals() {}

  /** The address written in {@code text}, or empty when it is not an IPv4 or IPv6 literal. */
  static Optional<InetAddress> parse(String text) {
    String literal = text.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    } else if (!IPV4.matcher(literal).matches() && literal.indexOf(':') < 0) {
      return Optional.empty();
    }
    if (literal.isEmpty()) {
      return Optional.empty();
    }
    try {
      // Brackets make InetAddress parse an IPv6 literal or fail, never look the name up.
      String query = literal.indexOf(':') >= 0 ? "[" + literal + "]" : literal;
      return Optional.of(InetAddress.getByName(query));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}

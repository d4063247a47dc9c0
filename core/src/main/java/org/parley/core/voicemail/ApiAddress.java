package org.parley.core.voicemail;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules for a visual-voicemail API address: {@code https://host[:port][/path]} anywhere, {@code
 * http://} only to this machine, because the API authenticates with HTTP Basic and the SIP password
 * must not cross the network in clear text (ADR 0034).
 */
public final class ApiAddress {

  private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private ApiAddress() {}

  /**
   * Parses what a user typed.
   *
   * @return the address, ending in {@code /}
   * @throws IllegalArgumentException with a sentence for the user when the text is not a usable
   *     address
   */
  public static URI parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Not an address: write it as https://host:port/ (" + e.getReason() + ")", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalArgumentException(
          "The address must start with https:// (or http:// for this computer)");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("The address needs a host, such as https://host:8081/");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("The address cannot have a ?query or #fragment");
    }
    if (!sendsPasswordSafely(uri)) {
      throw new IllegalArgumentException(
          "http:// would send your password unencrypted; use https:// (http:// only reaches"
              + " this computer: localhost, 127.0.0.1, [::1])");
    }
    String base = uri.toString();
    return URI.create(base.endsWith("/") ? base : base + "/");
  }

  /** Whether requests to {@code uri} keep the password off the network: HTTPS, or loopback. */
  public static boolean sendsPasswordSafely(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      return true;
    }
    return scheme.equals("http") && uri.getHost() != null && isLoopback(uri.getHost());
  }

  /** A loopback host by name or literal address; names other than localhost are not looked up. */
  static boolean isLoopback(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (bare.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4_LITERAL.matcher(bare).matches() && bare.indexOf(':') < 0) {
      return false; // a name could resolve anywhere, so it never counts as this machine
    }
    try {
      return InetAddress.getByName(bare).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}

package org.parley.media.sdp;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * The connection data of a {@code c=} line: where media is to be sent.
 *
 * @param netType the network type, {@code IN} for the Internet
 * @param addressType {@code IP4} or {@code IP6} (other values are kept as written)
 * @param address the connection address as written, including any multicast {@code /ttl} or {@code
 *     /count} suffix
 */
public record Connection(String netType, String addressType, String address) {

  public Connection {
    SdpText.requireWord(netType, "net type");
    SdpText.requireWord(addressType, "address type");
    SdpText.requireWord(address, "connection address");
  }

  /** {@code IN IP4 address}. */
  public static Connection ip4(String address) {
    return new Connection("IN", "IP4", address);
  }

  /** {@code IN IP6 address}. */
  public static Connection ip6(String address) {
    return new Connection("IN", "IP6", address);
  }

  /** The connection for a local unicast address, without any IPv6 scope suffix ({@code %eth0}). */
  public static Connection of(InetAddress address) {
    String host = hostAddress(address);
    return address instanceof Inet6Address ? ip6(host) : ip4(host);
  }

  /** The address without a multicast {@code /ttl} or {@code /count} suffix. */
  public String host() {
    int slash = address.indexOf('/');
    return slash < 0 ? address : address.substring(0, slash);
  }

  /** Whether the address type is {@code IP6}. */
  public boolean isIp6() {
    return "IP6".equalsIgnoreCase(addressType);
  }

  static String hostAddress(InetAddress address) {
    String host = address.getHostAddress();
    int scope = host.indexOf('%');
    return scope < 0 ? host : host.substring(0, scope);
  }
}

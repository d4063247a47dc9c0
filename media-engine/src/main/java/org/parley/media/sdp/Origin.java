package org.parley.media.sdp;

import java.math.BigInteger;
import java.net.InetAddress;

/**
 * The {@code o=} line: who made the session description and which version of it this is.
 *
 * <p>Session id and version are kept as the digit strings they are on the wire, since peers may use
 * values beyond a {@code long} (an NTP timestamp is recommended).
 *
 * @param username the originator's login, or {@code -}
 * @param sessionId a numeric string unique to the originator
 * @param sessionVersion a numeric string that increases with every change to the description
 * @param netType {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param address the originator's address or host name
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addressType,
    String address) {

  public Origin {
    SdpText.requireWord(username, "origin username");
    SdpText.requireWord(sessionId, "origin session id");
    SdpText.requireWord(sessionVersion, "origin session version");
    SdpText.requireWord(netType, "origin net type");
    SdpText.requireWord(addressType, "origin address type");
    SdpText.requireWord(address, "origin address");
  }

  /** An origin for a local address, with the given id and version. */
  public static Origin of(String username, long sessionId, long sessionVersion, InetAddress addr) {
    Connection connection = Connection.of(addr);
    return new Origin(
        username,
        Long.toString(sessionId),
        Long.toString(sessionVersion),
        connection.netType(),
        connection.addressType(),
        connection.address());
  }

  /**
   * The same origin with the session version increased by one, as RFC 3264 §8 requires for every
   * modified offer or answer in a session.
   *
   * @throws IllegalStateException if the version is not a decimal number
   */
  public Origin withNextVersion() {
    if (!sessionVersion.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalStateException("session version is not a decimal number");
    }
    String next = new BigInteger(sessionVersion).add(BigInteger.ONE).toString();
    return new Origin(username, sessionId, next, netType, addressType, address);
  }

  String lineValue() {
    return String.join(" ", username, sessionId, sessionVersion, netType, addressType, address);
  }
}

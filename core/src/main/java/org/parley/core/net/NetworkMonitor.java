package org.parley.core.net;

import java.net.InetAddress;
import java.util.Set;

/**
 * The host's current local addresses; the softphone polls it and re-registers when the set changes
 * (a new Wi-Fi, a VPN coming up, a cable pulled).
 */
@FunctionalInterface
public interface NetworkMonitor {

  /** The addresses of the interfaces that are up, loopback excluded. */
  Set<InetAddress> localAddresses();
}

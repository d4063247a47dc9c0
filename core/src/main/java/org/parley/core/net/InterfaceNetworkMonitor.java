package org.parley.core.net;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link NetworkMonitor} that asks {@link NetworkInterface} each time. */
public final class InterfaceNetworkMonitor implements NetworkMonitor {

  private static final Logger LOG = LoggerFactory.getLogger(InterfaceNetworkMonitor.class);

  @Override
  public Set<InetAddress> localAddresses() {
    Set<InetAddress> addresses = new HashSet<>();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (nic.isUp() && !nic.isLoopback()) {
          addresses.addAll(Collections.list(nic.getInetAddresses()));
        }
      }
    } catch (SocketException e) {
      // Reported as "no addresses": the next successful poll counts as a change and re-registers.
      LOG.warn("Cannot list network interfaces", e);
    }
    return addresses;
  }
}

package org.parley.app.desktop.session;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.parley.core.account.ServerAddress;

/** The local IP address packets to a server leave from: the one SIP must advertise. */
final class LocalAddress {

  private LocalAddress() {}

  /** Empty when the host does not resolve or there is no route to it. */
  static Optional<String> towards(ServerAddress server) {
    // A connected UDP socket sends nothing; it only asks the OS which route it would take.
    try (DatagramSocket probe = new DatagramSocket()) {
      probe.connect(new InetSocketAddress(InetAddress.getByName(server.host()), server.port()));
      return Optional.of(probe.getLocalAddress().getHostAddress());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}

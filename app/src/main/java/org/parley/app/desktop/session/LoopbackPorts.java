package org.parley.app.desktop.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds a loopback port free for both UDP and TCP, as SIP listens on both. */
final class LoopbackPorts {

  private static final int ATTEMPTS = 50;

  private LoopbackPorts() {}

  static int freeUdpAndTcp() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, 0))) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback)) {
          return port;
        } catch (IOException taken) {
          // The TCP side of this port is in use: try another one.
        }
      } catch (IOException e) {
        throw new UncheckedIOException("No free UDP port on the loopback interface", e);
      }
    }
    throw new IllegalStateException("No loopback port free for both UDP and TCP");
  }
}

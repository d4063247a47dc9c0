package org.parley.core.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks a local port free for both UDP and TCP, as a SIP listening point pair needs. */
public final class LocalPorts {

  private static final int ATTEMPTS = 20;

  private LocalPorts() {}

  /**
   * Asks the OS for an ephemeral TCP port and keeps it if UDP is free there too. Another process
   * may take it before the stack binds it; the stack's bind then fails with a clear message.
   */
  public static int freeUdpAndTcp(String address) throws IOException {
    InetAddress local = InetAddress.getByName(address);
    IOException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, local);
          DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), local)) {
        return udp.getLocalPort();
      } catch (IOException busy) {
        last = busy;
      }
    }
    throw new IOException("No local port free for both UDP and TCP on " + address, last);
  }
}

package org.parley.server.sip.jainsip;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test's end of the RFC 4475 run: sends raw bytes to the server over UDP or TCP and collects
 * every SIP message the server sends back, wherever RFC 3261 §18.2.2 routes it.
 *
 * <p>The torture messages name hosts we are not (example.com, 192.0.2.x) and mostly no Via port, so
 * the server answers to the packet's source address but the Via port, 5060. The peer therefore
 * lives on a loopback address of its own (127.0.0.x, so a SIP phone on 127.0.0.1:5060 does not get
 * in the way) and listens there on UDP and TCP port 5060. Over TCP the server answers to the
 * connection's address and port ({@code received}/{@code rport}) with the Via's transport, which
 * for most messages says UDP: each TCP connection therefore has a UDP socket on the same port.
 */
final class TorturePeer implements AutoCloseable {

  /** The port RFC 3261 §18.2.2 sends a UDP response to when the Via names none. */
  static final int DEFAULT_SIP_PORT = 5060;

  private static final int MAX_DATAGRAM_BYTES = 65_535;

  enum Transport {
    UDP,
    TCP
  }

  /** One SIP message the server sent us, and which socket it arrived on. */
  record Arrival(String channel, String startLine, String callId) {

    boolean isResponse() {
      return startLine.startsWith("SIP/2.0 ");
    }

    /** The status code of a response; -1 for a request. */
    int status() {
      if (!isResponse()) {
        return -1;
      }
      String[] parts = startLine.split(" ", 3);
      return Integer.parseInt(parts[1]);
    }

    static Arrival parse(String channel, byte[] bytes, int length) {
      // ISO-8859-1 keeps every byte as one char, whatever the server echoed back.
      String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
      String head = text.contains("\r\n\r\n") ? text.substring(0, text.indexOf("\r\n\r\n")) : text;
      String[] lines = head.split("\r\n");
      return new Arrival(channel, lines[0], headerValue(lines, "call-id", "i"));
    }
  }

  /** A way to send to the server: the shared UDP socket or one TCP connection. */
  interface Link extends Closeable {

    Transport transport();

    /** The Via sent-by of this link, {@code host:port}. */
    String sentBy();

    void send(byte[] bytes) throws IOException;

    /** Whether the server closed this link (always false for UDP). */
    boolean isClosed();
  }

  private final InetAddress address;
  private final InetSocketAddress server;
  private final DatagramSocket udp;
  private final ServerSocket tcpListener;
  private final BlockingQueue<Arrival> inbox = new LinkedBlockingQueue<>();
  private final List<Arrival> seen = new CopyOnWriteArrayList<>();
  private final List<Closeable> resources = new CopyOnWriteArrayList<>();

  private TorturePeer(
      InetAddress address, int serverPort, DatagramSocket udp, ServerSocket tcpListener) {
    this.address = address;
    this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    this.udp = udp;
    this.tcpListener = tcpListener;
    resources.add(udp);
    resources.add(tcpListener);
    daemon("torture-udp-5060", () -> readDatagrams(udp, "udp:" + DEFAULT_SIP_PORT));
    daemon("torture-tcp-accept", this::acceptConnections);
  }

  /** Binds UDP and TCP port 5060 on the first free loopback address of a few candidates. */
  static TorturePeer open(int serverPort) throws IOException {
    List<String> failures = new ArrayList<>();
    for (int last = 42; last < 52; last++) {
      InetAddress candidate = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
      DatagramSocket udp = null;
      try {
        udp = new DatagramSocket(new InetSocketAddress(candidate, DEFAULT_SIP_PORT));
        ServerSocket tcp = new ServerSocket();
        try {
          tcp.bind(new InetSocketAddress(candidate, DEFAULT_SIP_PORT));
        } catch (IOException e) {
          tcp.close();
          throw e;
        }
        return new TorturePeer(candidate, serverPort, udp, tcp);
      } catch (BindException e) {
        failures.add(candidate.getHostAddress() + ": " + e.getMessage());
        if (udp != null) {
          udp.close();
        }
      }
    }
    throw new IllegalStateException(
        "RFC 4475 messages are answered to port "
            + DEFAULT_SIP_PORT
            + " (their Vias name no port), but no loopback address could bind it: "
            + failures);
  }

  String host() {
    return address.getHostAddress();
  }

  /** The shared UDP socket (port 5060), or a new TCP connection with its companion UDP socket. */
  Link link(Transport transport) throws IOException {
    return transport == Transport.UDP ? new UdpLink() : new TcpLink();
  }

  /** Forgets everything received so far. */
  void clear() {
    inbox.clear();
    seen.clear();
  }

  /** Waits for a message that matches; messages that do not match stay available to later calls. */
  Optional<Arrival> await(Predicate<Arrival> wanted, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      for (Arrival arrival : seen) {
        if (wanted.test(arrival)) {
          return Optional.of(arrival);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      Arrival next = inbox.poll(left, TimeUnit.NANOSECONDS);
      if (next != null) {
        seen.add(next);
      }
    }
  }

  /** Everything received since the last {@link #clear()} (after the waits so far). */
  List<Arrival> received() {
    inbox.drainTo(seen);
    return List.copyOf(seen);
  }

  @Override
  public void close() {
    for (Closeable resource : resources) {
      try {
        resource.close();
      } catch (IOException e) {
        // Closing a loopback socket in a test: nothing left to do about it.
      }
    }
  }

  private final class UdpLink implements Link {

    @Override
    public Transport transport() {
      return Transport.UDP;
    }

    @Override
    public String sentBy() {
      return host() + ":" + DEFAULT_SIP_PORT;
    }

    @Override
    public void send(byte[] bytes) throws IOException {
      udp.send(new DatagramPacket(bytes, bytes.length, server));
    }

    @Override
    public boolean isClosed() {
      return false;
    }

    @Override
    public void close() {
      // The UDP socket is shared by every case and closed with the peer.
    }
  }

  private final class TcpLink implements Link {

    private final Socket socket;
    private final DatagramSocket companion;
    private volatile boolean closed;

    TcpLink() throws IOException {
      Socket connected = null;
      DatagramSocket sameport = null;
      for (int attempt = 0; attempt < 20 && sameport == null; attempt++) {
        connected = new Socket();
        connected.bind(new InetSocketAddress(address, 0));
        try {
          sameport = new DatagramSocket(new InetSocketAddress(address, connected.getLocalPort()));
        } catch (SocketException taken) {
          connected.close();
        }
      }
      if (sameport == null) {
        throw new IOException("No port free for both TCP and UDP on " + host());
      }
      connected.connect(server, 5000);
      socket = connected;
      companion = sameport;
      resources.add(socket);
      resources.add(companion);
      String label = "tcp:" + socket.getLocalPort();
      daemon("torture-" + label, () -> readStream(socket, label, () -> closed = true));
      daemon(
          "torture-udp-" + socket.getLocalPort(), () -> readDatagrams(companion, "udp:" + label));
    }

    @Override
    public Transport transport() {
      return Transport.TCP;
    }

    @Override
    public String sentBy() {
      return host() + ":" + socket.getLocalPort();
    }

    @Override
    public void send(byte[] bytes) throws IOException {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    }

    @Override
    public boolean isClosed() {
      return closed;
    }

    @Override
    public void close() throws IOException {
      socket.close();
      companion.close();
      resources.remove(socket);
      resources.remove(companion);
    }
  }

  private void acceptConnections() {
    while (!tcpListener.isClosed()) {
      try {
        Socket accepted = tcpListener.accept();
        resources.add(accepted);
        String label = "tcp-in:" + accepted.getPort();
        daemon("torture-" + label, () -> readStream(accepted, label, () -> {}));
      } catch (IOException e) {
        return; // the listener was closed
      }
    }
  }

  private void readDatagrams(DatagramSocket socket, String label) {
    byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (IOException e) {
        return; // the socket was closed
      }
      if (isBlank(packet.getData(), packet.getLength())) {
        continue; // a keep-alive
      }
      inbox.add(Arrival.parse(label, packet.getData(), packet.getLength()));
    }
  }

  /** Splits a byte stream into SIP messages by Content-Length; CRLF keep-alives are skipped. */
  private void readStream(Socket socket, String label, Runnable onClose) {
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      InputStream in = socket.getInputStream();
      while (true) {
        byte[] bytes = pending.toByteArray();
        int start = 0;
        while (start + 1 < bytes.length && bytes[start] == '\r' && bytes[start + 1] == '\n') {
          start += 2;
        }
        int end = frameEnd(bytes, start);
        if (end > 0) {
          byte[] message = Arrays.copyOfRange(bytes, start, end);
          inbox.add(Arrival.parse(label, message, message.length));
          pending.reset();
          pending.write(bytes, end, bytes.length - end);
          continue;
        }
        int read = in.read(chunk);
        if (read < 0) {
          break;
        }
        pending.write(chunk, 0, read);
      }
    } catch (IOException e) {
      // Reset or closed: the same as the end of the stream for a test.
    }
    onClose.run();
  }

  /** The index just past one complete message that starts at {@code start}, or -1. */
  private static int frameEnd(byte[] bytes, int start) {
    String text = new String(bytes, start, bytes.length - start, StandardCharsets.ISO_8859_1);
    int headEnd = text.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return -1;
    }
    String length = headerValue(text.substring(0, headEnd).split("\r\n"), "content-length", "l");
    int bodyBytes = length == null ? 0 : Integer.parseInt(length.strip());
    int end = start + headEnd + 4 + bodyBytes;
    return end <= bytes.length ? end : -1;
  }

  /** The value of the first header with this long or compact name, or null. */
  static String headerValue(String[] lines, String longName, String compactName) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (name.equals(longName) || name.equals(compactName)) {
        return lines[i].substring(colon + 1).strip();
      }
    }
    return null;
  }

  private static boolean isBlank(byte[] bytes, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] != '\r' && bytes[i] != '\n') {
        return false;
      }
    }
    return true;
  }

  private static void daemon(String name, Runnable body) {
    Thread thread = new Thread(body, name);
    thread.setDaemon(true);
    thread.start();
  }
}

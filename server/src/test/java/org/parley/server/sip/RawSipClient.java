package org.parley.server.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A SIP endpoint for tests that writes and reads raw text over UDP or TCP on loopback, so tests see
 * exactly what the server put on the wire.
 */
public final class RawSipClient implements AutoCloseable {

  private static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  private final String transport;
  private final DatagramSocket udp;
  private final Socket tcp;
  private final InetSocketAddress server;
  private final StringBuilder tcpBuffer = new StringBuilder();
  private String contactHostPort;

  private RawSipClient(String transport, DatagramSocket udp, Socket tcp, InetSocketAddress server) {
    this.transport = transport;
    this.udp = udp;
    this.tcp = tcp;
    this.server = server;
  }

  public static RawSipClient udp(int serverPort) throws IOException {
    DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    return new RawSipClient("UDP", socket, null, new InetSocketAddress("127.0.0.1", serverPort));
  }

  public static RawSipClient tcp(int serverPort) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", serverPort), 5000);
    return new RawSipClient("TCP", null, socket, new InetSocketAddress("127.0.0.1", serverPort));
  }

  /**
   * A TLS client whose trust comes from {@code context} (for example the server's own certificate).
   */
  public static RawSipClient tls(int serverPort, javax.net.ssl.SSLContext context)
      throws IOException {
    javax.net.ssl.SSLSocket socket =
        (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket();
    socket.connect(new InetSocketAddress("127.0.0.1", serverPort), 5000);
    socket.startHandshake();
    return new RawSipClient("TLS", null, socket, new InetSocketAddress("127.0.0.1", serverPort));
  }

  public String transport() {
    return transport;
  }

  public int localPort() {
    return udp != null ? udp.getLocalPort() : tcp.getLocalPort();
  }

  /** A Via value for a new request from this client. */
  public String via() {
    return "SIP/2.0/"
        + transport
        + " 127.0.0.1:"
        + localPort()
        + ";rport;branch=z9hG4bK"
        + UUID.randomUUID();
  }

  public String contact(String user) {
    String suffix =
        "UDP".equals(transport) ? "" : ";transport=" + transport.toLowerCase(java.util.Locale.ROOT);
    String hostPort = contactHostPort != null ? contactHostPort : "127.0.0.1:" + localPort();
    return "<sip:" + user + "@" + hostPort + suffix + ">";
  }

  /**
   * From now on this client's Contact names {@code hostPort} instead of its socket, as a phone
   * behind NAT names an address nobody outside can reach.
   */
  public RawSipClient advertising(String hostPort) {
    this.contactHostPort = hostPort;
    return this;
  }

  /** Sends a message; {@code Content-Length} is computed, so the text should not carry one. */
  public void send(String headWithoutLength, String body) throws IOException {
    byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
    String message =
        headWithoutLength.strip().replace("\n", "\r\n").replace("\r\r\n", "\r\n")
            + "\r\nContent-Length: "
            + bodyBytes.length
            + "\r\n\r\n"
            + body;
    sendRaw(message.getBytes(StandardCharsets.UTF_8));
  }

  public void send(String headWithoutLength) throws IOException {
    send(headWithoutLength, "");
  }

  /** Sends bytes exactly as given (for keep-alives and malformed input). */
  public void sendRaw(byte[] bytes) throws IOException {
    if (udp != null) {
      udp.send(new DatagramPacket(bytes, bytes.length, server));
    } else {
      OutputStream out = tcp.getOutputStream();
      out.write(bytes);
      out.flush();
    }
  }

  /** Replies to a received request's sender, which for UDP may differ from the server port. */
  public void reply(SipMessage request, int status, String reason, String extraHeaders, String body)
      throws IOException {
    StringBuilder head = new StringBuilder("SIP/2.0 " + status + " " + reason + "\n");
    for (String via : request.headers("Via")) {
      head.append("Via: ").append(via).append('\n');
    }
    for (String recordRoute : request.headers("Record-Route")) {
      head.append("Record-Route: ").append(recordRoute).append('\n');
    }
    head.append("From: ").append(request.header("From")).append('\n');
    String to = request.header("To");
    head.append("To: ")
        .append(to.contains(";tag=") || status == 100 ? to : to + ";tag=" + UUID.randomUUID())
        .append('\n');
    head.append("Call-ID: ").append(request.header("Call-ID")).append('\n');
    head.append("CSeq: ").append(request.header("CSeq")).append('\n');
    if (extraHeaders != null && !extraHeaders.isBlank()) {
      head.append(extraHeaders.strip()).append('\n');
    }
    send(head.toString(), body == null ? "" : body);
  }

  /** Waits for the next message. */
  public SipMessage receive() throws IOException {
    return receive(DEFAULT_WAIT);
  }

  /** Waits for the next message that matches, skipping others (such as 100 Trying). */
  public SipMessage receive(Predicate<SipMessage> wanted) throws IOException {
    long deadline = System.nanoTime() + DEFAULT_WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SocketTimeoutException("No matching SIP message within " + DEFAULT_WAIT);
      }
      SipMessage message = receive(Duration.ofNanos(left));
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  public SipMessage receive(Duration wait) throws IOException {
    if (udp != null) {
      udp.setSoTimeout((int) Math.max(1, wait.toMillis()));
      byte[] buffer = new byte[65535];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      udp.receive(packet);
      return SipMessage.parse(
          new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
    }
    return SipMessage.parse(readTcpMessage(wait));
  }

  /** Reads raw bytes from TCP until {@code count} bytes arrived (for keep-alive pongs). */
  public String readTcpBytes(int count, Duration wait) throws IOException {
    tcp.setSoTimeout((int) wait.toMillis());
    InputStream in = tcp.getInputStream();
    byte[] bytes = in.readNBytes(count);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private String readTcpMessage(Duration wait) throws IOException {
    tcp.setSoTimeout((int) Math.max(1, wait.toMillis()));
    InputStream in = tcp.getInputStream();
    byte[] chunk = new byte[8192];
    while (true) {
      String buffered = tcpBuffer.toString();
      int headEnd = buffered.indexOf("\r\n\r\n");
      if (headEnd >= 0) {
        int length = contentLength(buffered.substring(0, headEnd));
        int total = headEnd + 4 + length;
        if (buffered.length() >= total) {
          tcpBuffer.delete(0, total);
          return buffered.substring(0, total);
        }
      }
      int read = in.read(chunk);
      if (read < 0) {
        throw new IOException("Server closed the TCP connection");
      }
      tcpBuffer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
      while (tcpBuffer.length() >= 2
          && tcpBuffer.charAt(0) == '\r'
          && tcpBuffer.charAt(1) == '\n') {
        tcpBuffer.delete(0, 2); // keep-alive CRLFs between messages
      }
    }
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String name = line.substring(0, colon).strip();
        if (name.equalsIgnoreCase("Content-Length") || name.equals("l")) {
          return Integer.parseInt(line.substring(colon + 1).strip());
        }
      }
    }
    return 0;
  }

  @Override
  public void close() throws IOException {
    if (udp != null) {
      udp.close();
    } else {
      tcp.close();
    }
  }
}

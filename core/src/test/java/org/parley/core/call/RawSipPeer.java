package org.parley.core.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A SIP peer written by hand on one UDP socket, for tests that need exact bytes on the wire: it
 * sends INVITE, ACK, re-INVITE and BYE with the SDP it is given and reads every response.
 */
final class RawSipPeer implements AutoCloseable {

  /** One received SIP message: its first line, headers in order, and body. */
  record Message(String firstLine, List<String[]> headers, String body) {

    int status() {
      String[] parts = firstLine.split(" ", 3);
      return parts[0].startsWith("SIP/") ? Integer.parseInt(parts[1]) : -1;
    }

    Optional<String> header(String name) {
      return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
    }

    String toTag() {
      String to = header("To").orElseThrow();
      int tag = to.toLowerCase(Locale.ROOT).indexOf(";tag=");
      return tag < 0 ? null : to.substring(tag + 5).split(";")[0].trim();
    }

    static Message parse(String text) {
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      String[] lines = head.split("\r\n");
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.add(
            new String[] {
              lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()
            });
      }
      return new Message(lines[0], headers, body);
    }
  }

  private final DatagramSocket socket;
  private InetSocketAddress target;
  private final String targetUri;
  private final String callId = UUID.randomUUID().toString();
  private final String fromTag = UUID.randomUUID().toString().substring(0, 8);
  private String toTag;
  private String responseTag;
  private int cseq;
  private String lastBranch;

  RawSipPeer(InetSocketAddress target, String targetUri) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.target = target;
    this.targetUri = targetUri;
  }

  /**
   * A peer that is called rather than calling: it sends to wherever the first message it receives
   * came from, and adds {@code toTag} to the To of its responses (the dialog's tag, RFC 3261
   * §8.2.6.2).
   */
  static RawSipPeer called(String toTag) throws IOException {
    RawSipPeer peer = new RawSipPeer(null, null);
    peer.responseTag = toTag;
    return peer;
  }

  int localPort() {
    return socket.getLocalPort();
  }

  /**
   * Sends an INVITE (a re-INVITE once a 2xx gave us the To tag) with {@code sdp} and any extra
   * header lines ({@code "Session-Expires: 120"}).
   */
  void invite(String sdp, String... extraHeaders) throws IOException {
    cseq++;
    lastBranch = "z9hG4bK" + UUID.randomUUID().toString().substring(0, 12);
    String request = request("INVITE", cseq, lastBranch, toTag, "application/sdp", sdp);
    int end = request.indexOf("\r\n") + 2;
    send(request.substring(0, end) + headerLines(extraHeaders) + request.substring(end));
  }

  /** Answers a request the phone sent us, echoing its Via, From, To, Call-ID and CSeq. */
  void respond(Message request, int status, String sdp, String... extraHeaders) throws IOException {
    StringBuilder text = new StringBuilder("SIP/2.0 ").append(status).append(" Whatever\r\n");
    for (String[] header : request.headers()) {
      String name = header[0].toLowerCase(Locale.ROOT);
      boolean untaggedTo =
          name.equals("to") && !header[1].toLowerCase(Locale.ROOT).contains(";tag=");
      if (untaggedTo && responseTag != null) {
        text.append(header[0]).append(": ").append(header[1]).append(";tag=");
        text.append(responseTag).append("\r\n");
      } else if (name.equals("via")
          || name.equals("from")
          || name.equals("to")
          || name.equals("call-id")
          || name.equals("cseq")) {
        text.append(header[0]).append(": ").append(header[1]).append("\r\n");
      }
    }
    text.append("Contact: <sip:raw@127.0.0.1:").append(socket.getLocalPort()).append(">\r\n");
    text.append(headerLines(extraHeaders));
    byte[] content = sdp == null ? new byte[0] : sdp.getBytes(StandardCharsets.UTF_8);
    if (sdp != null) {
      text.append("Content-Type: application/sdp\r\n");
    }
    text.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    send(text + (sdp == null ? "" : sdp));
  }

  /** The next request the phone sends within {@code timeoutMillis}, skipping responses. */
  Optional<Message> nextRequest(int timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      int left = (int) (deadline - System.currentTimeMillis());
      if (left <= 0) {
        return Optional.empty();
      }
      Optional<Message> next = receive(left);
      if (next.isPresent() && next.get().status() < 0) {
        return next;
      }
    }
  }

  private static String headerLines(String... headers) {
    StringBuilder lines = new StringBuilder();
    for (String header : headers) {
      lines.append(header).append("\r\n");
    }
    return lines.toString();
  }

  /** Acknowledges the final response to our last INVITE (its To tag is taken for a 2xx). */
  void ack(Message finalResponse) throws IOException {
    boolean success = finalResponse.status() < 300;
    if (success) {
      toTag = finalResponse.toTag();
    }
    // A non-2xx ACK belongs to the INVITE's transaction (same branch); a 2xx ACK is new.
    String branch =
        success ? "z9hG4bK" + UUID.randomUUID().toString().substring(0, 12) : lastBranch;
    send(request("ACK", cseq, branch, finalResponse.toTag(), null, null));
  }

  void bye() throws IOException {
    cseq++;
    send(
        request(
            "BYE",
            cseq,
            "z9hG4bK" + UUID.randomUUID().toString().substring(0, 12),
            toTag,
            null,
            null));
  }

  /** The next message within {@code timeoutMillis}, or empty. */
  Optional<Message> receive(int timeoutMillis) throws IOException {
    byte[] buffer = new byte[8192];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.setSoTimeout(timeoutMillis);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
    if (target == null) {
      target = (InetSocketAddress) packet.getSocketAddress();
    }
    return Optional.of(
        Message.parse(new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8)));
  }

  /** Every response up to and including the final one to our last request (skipping requests). */
  List<Message> responsesUntilFinal(int timeoutMillis) throws IOException {
    List<Message> responses = new ArrayList<>();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      int left = (int) (deadline - System.currentTimeMillis());
      if (left <= 0) {
        throw new AssertionError("No final response within " + timeoutMillis + " ms: " + responses);
      }
      Optional<Message> next = receive(left);
      if (next.isEmpty()) {
        continue;
      }
      Message message = next.get();
      if (message.status() < 0) {
        continue;
      }
      responses.add(message);
      if (message.status() >= 200) {
        return responses;
      }
    }
  }

  /** A one-audio-line SDP offer or answer on loopback. */
  static String sdp(int port, String proto, String formats, String... attributes) {
    StringBuilder text =
        new StringBuilder(
            "v=0\r\no=raw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio "
                + port
                + " "
                + proto
                + " "
                + formats
                + "\r\n");
    for (String attribute : attributes) {
      text.append("a=").append(attribute).append("\r\n");
    }
    return text.toString();
  }

  /** The next {@code count} RTP datagrams on {@code socket}, in order, RTCP skipped. */
  static List<byte[]> receiveRtp(DatagramSocket socket, int count) throws IOException {
    List<byte[]> packets = new ArrayList<>();
    byte[] buffer = new byte[1500];
    socket.setSoTimeout(5_000);
    while (packets.size() < count) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      socket.receive(packet);
      // RTCP's packet types 200-204 read as payload types 72-76 with the marker bit set.
      int type = buffer[1] & 0x7F;
      if (type < 72 || type > 76) {
        packets.add(java.util.Arrays.copyOf(buffer, packet.getLength()));
      }
    }
    return packets;
  }

  private String request(
      String method, int number, String branch, String tag, String contentType, String body) {
    String host = "127.0.0.1:" + socket.getLocalPort();
    StringBuilder text = new StringBuilder();
    text.append(method)
        .append(' ')
        .append(targetUri)
        .append(" SIP/2.0\r\n")
        .append("Via: SIP/2.0/UDP ")
        .append(host)
        .append(";branch=")
        .append(branch)
        .append(";rport\r\n")
        .append("Max-Forwards: 70\r\n")
        .append("From: <sip:raw@127.0.0.1>;tag=")
        .append(fromTag)
        .append("\r\n")
        .append("To: <")
        .append(targetUri)
        .append('>')
        .append(tag == null ? "" : ";tag=" + tag)
        .append("\r\n")
        .append("Call-ID: ")
        .append(callId)
        .append("\r\n")
        .append("CSeq: ")
        .append(number)
        .append(' ')
        .append(method)
        .append("\r\n")
        .append("Contact: <sip:raw@")
        .append(host)
        .append(">\r\n");
    byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      text.append("Content-Type: ").append(contentType).append("\r\n");
    }
    text.append("Content-Length: ").append(content.length).append("\r\n\r\n");
    return text + (body == null ? "" : body);
  }

  private void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, target));
  }

  @Override
  public void close() {
    socket.close();
  }
}

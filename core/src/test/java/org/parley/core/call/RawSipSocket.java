package org.parley.core.call;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP peer written by hand on a UDP socket, for requests our own stack would never send (stray
 * Replaces, REFER out of a dialog, malformed Refer-To): it sends text and reads the responses.
 */
final class RawSipSocket implements AutoCloseable {

  private static final int WAIT_MILLIS = 5_000;

  private final DatagramSocket socket;
  private final InetSocketAddress target;

  RawSipSocket(String host, int port) throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
    socket.setSoTimeout(WAIT_MILLIS);
    target = new InetSocketAddress(host, port);
  }

  int port() {
    return socket.getLocalPort();
  }

  /** A Via for a new transaction from this socket. */
  String via() {
    return "Via: SIP/2.0/UDP 127.0.0.1:"
        + port()
        + ";branch=z9hG4bK"
        + UUID.randomUUID().toString().replace("-", "")
        + ";rport\r\n";
  }

  void send(String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    socket.send(new DatagramPacket(bytes, bytes.length, target));
  }

  /** The next response with a final status (provisional ones and requests are skipped). */
  String finalResponse(String method) throws IOException {
    return response(method, status -> status >= 200);
  }

  /** The next 18x response (100 Trying and requests are skipped). */
  String provisional(String method) throws IOException {
    return response(method, status -> status > 100 && status < 200);
  }

  private String response(String method, IntPredicate wanted) throws IOException {
    return await(
        text ->
            text.startsWith("SIP/2.0 ")
                && wanted.test(status(text))
                && text.matches("(?s).*\\r\\nCSeq: *\\d+ " + method + "\\r\\n.*"),
        "response to " + method);
  }

  private String await(Predicate<String> wanted, String what) throws IOException {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000L;
    byte[] buffer = new byte[8192];
    while (System.nanoTime() < deadline) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        break;
      }
      String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
      if (wanted.test(text)) {
        return text;
      }
    }
    throw new AssertionError("No " + what + " within " + WAIT_MILLIS + " ms");
  }

  /** The next request with {@code method} (responses and other requests are skipped). */
  String request(String method) throws IOException {
    return await(text -> text.startsWith(method + " "), method + " request");
  }

  /** Answers {@code request} with {@code status}, copying the headers RFC 3261 §8.2.6.2 names. */
  void respond(String request, int status, String reason) throws IOException {
    StringBuilder response = new StringBuilder("SIP/2.0 " + status + " " + reason + "\r\n");
    for (String line : request.split("\r\n")) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("via:")
          || lower.startsWith("from:")
          || lower.startsWith("to:")
          || lower.startsWith("call-id:")
          || lower.startsWith("cseq:")) {
        response.append(line).append("\r\n");
      }
      if (line.isEmpty()) {
        break;
      }
    }
    send(response.append("Content-Length: 0\r\n\r\n").toString());
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(8, 11));
  }

  /** The value of the first header named {@code name} (case-insensitive). */
  static String header(String message, String name) {
    Matcher matcher =
        Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(message);
    if (!matcher.find()) {
      throw new AssertionError("No " + name + " in\n" + message);
    }
    return matcher.group(1);
  }

  static String tag(String headerValue) {
    Matcher matcher = Pattern.compile(";tag=([^;>\\s]+)").matcher(headerValue);
    if (!matcher.find()) {
      throw new AssertionError("No tag in " + headerValue);
    }
    return matcher.group(1);
  }

  @Override
  public void close() {
    socket.close();
  }
}

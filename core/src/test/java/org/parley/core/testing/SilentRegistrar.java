package org.parley.core.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import org.parley.server.sip.SipMessage;

/**
 * A TCP registrar that accepts every REGISTER without a challenge and never answers a CRLF
 * keep-alive with a pong, as a server behind a dead NAT binding would look.
 */
public final class SilentRegistrar implements AutoCloseable {

  /** The source port of each connection a REGISTER arrived on, in order. */
  public final BlockingQueue<Integer> registerSourcePorts = new LinkedBlockingQueue<>();

  private final ServerSocket listener;
  private final ExecutorService threads = Executors.newCachedThreadPool();

  public SilentRegistrar() throws IOException {
    listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    try {
      while (true) {
        Socket connection = listener.accept();
        threads.execute(() -> serve(connection));
      }
    } catch (IOException closed) {
      // close() ends the accept loop
    }
  }

  private void serve(Socket connection) {
    try (connection;
        InputStream in = connection.getInputStream();
        OutputStream out = connection.getOutputStream()) {
      ByteArrayOutputStream message = new ByteArrayOutputStream();
      int b;
      while ((b = in.read()) >= 0) {
        message.write(b);
        String text = message.toString(StandardCharsets.UTF_8);
        if (text.isBlank()) {
          if (text.length() >= 4) {
            message.reset(); // a keep-alive: swallowed, no pong
          }
          continue;
        }
        if (text.endsWith("\r\n\r\n")) {
          message.reset();
          SipMessage register = SipMessage.parse(text.stripLeading());
          registerSourcePorts.add(connection.getPort());
          out.write(ok(register).getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
      }
    } catch (IOException gone) {
      // the client closed the connection
    }
  }

  private static String ok(SipMessage request) {
    return "SIP/2.0 200 OK\r\n"
        + "Via: "
        + request.header("Via")
        + "\r\nFrom: "
        + request.header("From")
        + "\r\nTo: "
        + request.header("To")
        + ";tag=silent\r\nCall-ID: "
        + request.header("Call-ID")
        + "\r\nCSeq: "
        + request.header("CSeq")
        + "\r\nContact: "
        + request.header("Contact")
        + ";expires=3600\r\nContent-Length: 0\r\n\r\n";
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}

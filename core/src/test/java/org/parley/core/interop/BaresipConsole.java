package org.parley.core.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.parley.server.sip.BaresipAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a baresip 1.0 agent shows its user, read from its {@code cons} module over TCP.
 *
 * <p>baresip 1.0 shows a received MESSAGE only through a UI module ({@code menu} prints {@code
 * <from>: "<text>"} with {@code ui_output}); {@code ctrl_tcp} is no UI and has no message event,
 * and {@code stdio} needs a terminal. {@code cons} is the one UI that runs headless. It reads its
 * address from the config file {@link BaresipAgent} writes, so it listens on its default port,
 * {@value #PORT}, on every interface: only one such console may run at a time.
 */
final class BaresipConsole implements AutoCloseable {

  /** cons's default {@code cons_listen} port. */
  static final int PORT = 5555;

  private static final Logger LOG = LoggerFactory.getLogger(BaresipConsole.class);
  private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(5);

  private final Socket socket;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> seen = new ArrayList<>();

  private BaresipConsole(Socket socket) {
    this.socket = socket;
    Thread reader = new Thread(this::readLines, "baresip-cons");
    reader.setDaemon(true);
    reader.start();
  }

  /** Loads {@code cons} into {@code agent} and connects to it. */
  static BaresipConsole attach(BaresipAgent agent) throws IOException, InterruptedException {
    BaresipModules.load(agent, "cons");
    long deadline = System.nanoTime() + CONNECT_DEADLINE.toNanos();
    while (true) {
      try {
        return new BaresipConsole(new Socket(InetAddress.getLoopbackAddress(), PORT));
      } catch (IOException refused) {
        // Waiting on the child doubles as the pause between attempts and notices an early exit.
        if (System.nanoTime() > deadline || agent.exitedWithin(Duration.ofMillis(50))) {
          throw new IOException("no baresip console on port " + PORT + "; " + agent.describe());
        }
      }
    }
  }

  private void readLines() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        // menu starts its output with a carriage return, to overwrite the prompt.
        lines.add(line.replace("\r", ""));
      }
    } catch (IOException closed) {
      LOG.debug("baresip console closed: {}", closed.toString());
    }
  }

  /** Waits up to {@code timeout} for a line matching {@code wanted}. */
  Optional<String> awaitLine(Predicate<String> wanted, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        return Optional.empty();
      }
      seen.add(line);
      if (wanted.test(line)) {
        return Optional.of(line);
      }
    }
  }

  /** The lines read so far, for failure messages. */
  List<String> seen() {
    return List.copyOf(seen);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}

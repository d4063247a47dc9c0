package org.parley.server.sip.jainsip;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.server.ParleyServer;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;

/**
 * The assembled server in a child JVM on a data folder, so a test can end it with SIGKILL ({@code
 * kill -9}) as a crash or a power cut would: no shutdown hook, no close, nothing flushed.
 */
final class ServerChildProcess implements AutoCloseable {

  static final String DOMAIN = "office.example";
  private static final Duration START_LIMIT = Duration.ofSeconds(60);
  private static final int SIGKILL_EXIT_STATUS = 128 + 9;

  private final Process process;
  private final Path log;

  private ServerChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** The configuration both the child and the test use for {@code data} and {@code sipPort}. */
  static ServerConfig config(Path data, int sipPort) throws ConfigException {
    return ServerConfig.resolve(
        new ServerConfigOverrides()
            .dataDir(data)
            .domain(DOMAIN)
            .bindAddress("127.0.0.1")
            .sipPort(sipPort)
            .tlsPort(0)
            .httpPort(0));
  }

  /** Starts the server on {@code data} and returns once it answers OPTIONS on {@code sipPort}. */
  static ServerChildProcess start(Path data, int sipPort) throws IOException {
    Path log = Files.createTempFile(data.getParent(), "server-", ".log");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1", // starts faster on the shared 2-core machines
            "-cp",
            System.getProperty("java.class.path"),
            ServerChildProcess.class.getName(),
            data.toString(),
            String.valueOf(sipPort));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    ServerChildProcess child = new ServerChildProcess(process, log);
    child.awaitAnswering(sipPort);
    return child;
  }

  /** Sends SIGKILL and waits for the process to be gone; returns its exit status. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The server survived SIGKILL for 30 s");
    }
    return process.exitValue();
  }

  /** The status a process ended by SIGKILL exits with on Linux and macOS. */
  static int sigkillExitStatus() {
    return SIGKILL_EXIT_STATUS;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  private void awaitAnswering(int sipPort) throws IOException {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    try (RawSipClient probe = RawSipClient.udp(sipPort)) {
      for (int attempt = 1; System.nanoTime() < deadline; attempt++) {
        if (!process.isAlive()) {
          throw new IllegalStateException("The server exited at start:\n" + output());
        }
        probe.send(
            "OPTIONS sip:"
                + DOMAIN
                + " SIP/2.0\nVia: "
                + probe.via()
                + "\nMax-Forwards: 70\nFrom: <sip:probe@"
                + DOMAIN
                + ">;tag=p\nTo: <sip:"
                + DOMAIN
                + ">\nCall-ID: probe-"
                + attempt
                + "\nCSeq: "
                + attempt
                + " OPTIONS");
        try {
          SipMessage answer = probe.receive(Duration.ofMillis(500));
          if (answer.isResponse() && answer.status() == 200) {
            return;
          }
        } catch (SocketTimeoutException | PortUnreachableException notYet) {
          // Not listening yet: the JVM is still starting.
        }
      }
    }
    throw new IllegalStateException(
        "The server did not answer within " + START_LIMIT + ":\n" + output());
  }

  private String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /**
   * The child: starts the server on {@code args[0]} with SIP port {@code args[1]}, runs until
   * killed.
   */
  public static void main(String[] args) throws Exception {
    ParleyServer.start(config(Path.of(args[0]), Integer.parseInt(args[1])), "test");
    new CountDownLatch(1).await();
  }
}

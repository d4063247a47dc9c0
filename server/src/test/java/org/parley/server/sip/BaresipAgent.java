package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One baresip 1.0 user agent in a child process, configured in its own folder and driven through
 * its {@code ctrl_tcp} module: netstring-framed JSON ({@code 42:{"command":"dial",...},}) in both
 * directions, carrying commands, their responses and the agent's events.
 */
public final class BaresipAgent implements AutoCloseable {

  /** Where Debian's baresip-core package puts its modules. */
  static final Path MODULE_DIR = Path.of("/usr/lib/baresip/modules");

  /**
   * Modules the tests load: G.711, WAV source, the recorder filter, control socket, the menu (it
   * owns the dial/hangup/reginfo commands) and the accounts-file loader.
   */
  public static final List<String> MODULES =
      List.of("g711", "aufile", "sndfile", "ctrl_tcp", "menu", "account");

  private static final Logger LOG = LoggerFactory.getLogger(BaresipAgent.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONNECT_DEADLINE = Duration.ofSeconds(10);
  private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");
  private static final Pattern REGISTERED = Pattern.compile("> sip:\\S+\\s+OK\\b");

  /** Longest the child may live even if the test's clean-up never runs. */
  private static final int LIFETIME_SECONDS = 90;

  private final String name;
  private final Path folder;
  private final int ctrlPort;
  private final Process process;
  private final Socket control;
  private final OutputStream commands;
  private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final AtomicInteger tokens = new AtomicInteger();

  private BaresipAgent(String name, Path folder, int ctrlPort, Process process, Socket control)
      throws IOException {
    this.name = name;
    this.folder = folder;
    this.ctrlPort = ctrlPort;
    this.process = process;
    this.control = control;
    this.commands = control.getOutputStream();
    Thread reader = new Thread(this::readMessages, "baresip-ctrl-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Whether the baresip binary and every module the tests load are installed. */
  public static boolean installed() {
    return onPath("baresip")
        && MODULES.stream().allMatch(module -> Files.isRegularFile(moduleFile(module)));
  }

  /** Skips the calling test when baresip is missing, except under {@code CI}, where it fails. */
  public static void assumeInstalled() {
    boolean installed = installed();
    if (System.getenv("CI") != null) {
      assertThat(installed)
          .as("CI must install baresip with modules %s (see .ci/run)", MODULES)
          .isTrue();
    }
    assumeTrue(installed, "baresip is not installed; .ci/run installs it");
  }

  private static Path moduleFile(String module) {
    return MODULE_DIR.resolve(module + ".so");
  }

  /**
   * Writes {@code folder/config} and {@code folder/accounts} and starts baresip on loopback.
   *
   * @param account the accounts-file line, e.g. {@code <sip:alice@127.0.0.1>;auth_pass=...}
   * @param source a mono 16-bit 8 kHz WAV file the agent sends as its microphone
   */
  public static BaresipAgent start(String name, Path folder, String account, Path source)
      throws IOException, InterruptedException {
    return start(name, folder, account, source, List.of());
  }

  /**
   * As {@link #start(String, Path, String, Path)}, also loading the application modules {@code
   * extraModules} (such as {@code mwi}) at start, before the account registers.
   */
  public static BaresipAgent start(
      String name, Path folder, String account, Path source, List<String> extraModules)
      throws IOException, InterruptedException {
    Files.createDirectories(folder.resolve("recordings"));
    int sipPort = FreePorts.udpAndTcp();
    int ctrlPort = FreePorts.udpAndTcp();
    StringBuilder config = new StringBuilder();
    config.append("poll_method\t\tepoll\n");
    config.append("sip_listen\t\t127.0.0.1:").append(sipPort).append('\n');
    config.append("call_local_timeout\t30\n");
    config.append("call_max_calls\t\t4\n");
    // No audio player module is loaded: nothing needs a sound card. The sndfile filter records
    // what the agent decodes (what its user would hear) and what it encodes.
    config.append("audio_source\t\taufile,").append(source.toAbsolutePath()).append('\n');
    config.append("net_interface\t\t127.0.0.1\n");
    config.append("module_path\t\t").append(MODULE_DIR).append('\n');
    for (String module : List.of("g711", "sndfile", "aufile")) {
      config.append("module\t\t\t").append(module).append(".so\n");
    }
    config.append("module_tmp\t\taccount.so\n");
    config.append("module_app\t\tmenu.so\n");
    config.append("module_app\t\tctrl_tcp.so\n");
    for (String module : extraModules) {
      config.append("module_app\t\t").append(module).append(".so\n");
    }
    config.append("ctrl_tcp_listen\t\t127.0.0.1:").append(ctrlPort).append('\n');
    config
        .append("snd_path\t\t")
        .append(folder.resolve("recordings").toAbsolutePath())
        .append('\n');
    Files.writeString(folder.resolve("config"), config.toString(), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("accounts"), account + "\n", StandardCharsets.UTF_8);

    Path console = folder.resolve("console.txt");
    Process process =
        new ProcessBuilder(
                "baresip",
                "-f",
                folder.toAbsolutePath().toString(),
                "-t",
                Integer.toString(LIFETIME_SECONDS))
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    Socket control = connect(name, process, ctrlPort, console);
    return new BaresipAgent(name, folder, ctrlPort, process, control);
  }

  private static Socket connect(String name, Process process, int port, Path console)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(CONNECT_DEADLINE);
    IOException last = null;
    while (Instant.now().isBefore(deadline)) {
      try {
        return new Socket(InetAddress.getLoopbackAddress(), port);
      } catch (IOException refused) {
        last = refused;
      }
      // Waiting on the child doubles as the pause between attempts and notices an early exit.
      if (process.waitFor(50, TimeUnit.MILLISECONDS)) {
        throw new IOException(
            "baresip " + name + " exited with " + process.exitValue() + ": " + read(console));
      }
    }
    process.destroyForcibly();
    throw new IOException(
        "baresip " + name + " did not open ctrl_tcp port " + port + ": " + read(console), last);
  }

  private void readMessages() {
    try (InputStream in = new BufferedInputStream(control.getInputStream())) {
      while (true) {
        inbox.add(JSON.readTree(Netstring.read(in)));
      }
    } catch (IOException closed) {
      LOG.debug("ctrl_tcp of {} closed: {}", name, closed.toString());
    }
  }

  /**
   * Runs a baresip command (as typed at its long-command prompt) and returns the response's {@code
   * data} text.
   *
   * @throws IOException when the command fails or no response arrives within {@code timeout}
   */
  public String command(String command, String params, Duration timeout)
      throws IOException, InterruptedException {
    String token = name + "-" + tokens.incrementAndGet();
    ObjectNode request = JSON.createObjectNode().put("command", command).put("token", token);
    if (params != null) {
      request.put("params", params);
    }
    send(request);
    JsonNode response =
        awaitMessage(
                m -> m.path("response").asBoolean() && token.equals(m.path("token").asText()),
                Instant.now().plus(timeout))
            .orElseThrow(
                () -> new IOException("no response to '" + command + "' from " + describe()));
    if (!response.path("ok").asBoolean()) {
      throw new IOException(command + " failed on " + name + ": " + response.path("data").asText());
    }
    return response.path("data").asText();
  }

  private void send(ObjectNode request) throws IOException {
    synchronized (commands) {
      commands.write(Netstring.frame(JSON.writeValueAsBytes(request)));
      commands.flush();
    }
  }

  /** Waits for an event of the given type (e.g. {@code CALL_ESTABLISHED}), seen before or now. */
  public Optional<JsonNode> awaitEvent(String type, Duration timeout) throws InterruptedException {
    synchronized (events) {
      for (JsonNode event : events) {
        if (type.equals(event.path("type").asText())) {
          return Optional.of(event);
        }
      }
    }
    return awaitMessage(m -> type.equals(m.path("type").asText()), Instant.now().plus(timeout));
  }

  /** Waits for an event of the given type that arrived after {@code seen}, an earlier event. */
  public Optional<JsonNode> awaitEventAfter(JsonNode seen, String type, Duration timeout)
      throws InterruptedException {
    synchronized (events) {
      boolean after = false;
      for (JsonNode event : events) {
        if (after && type.equals(event.path("type").asText())) {
          return Optional.of(event);
        }
        after |= event == seen;
      }
    }
    return awaitMessage(m -> type.equals(m.path("type").asText()), Instant.now().plus(timeout));
  }

  private Optional<JsonNode> awaitMessage(Predicate<JsonNode> wanted, Instant deadline)
      throws InterruptedException {
    while (true) {
      long left = Duration.between(Instant.now(), deadline).toMillis();
      if (left <= 0) {
        return Optional.empty();
      }
      JsonNode message = inbox.poll(left, TimeUnit.MILLISECONDS);
      if (message == null) {
        return Optional.empty();
      }
      if (message.path("event").asBoolean()) {
        LOG.debug("{} event {}", name, message);
        synchronized (events) {
          events.add(message);
        }
      }
      if (wanted.test(message)) {
        return Optional.of(message);
      }
    }
  }

  /** Polls {@code reginfo} until the agent's account shows a successful registration. */
  public void awaitRegistered(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    String status = "";
    while (Instant.now().isBefore(deadline)) {
      // reginfo lists "> sip:alice@127.0.0.1   OK  Parley/test Expires 599s" once registered;
      // the REGISTER_OK event alone could have been sent before the control socket connected.
      status = ANSI_COLOUR.matcher(command("reginfo", null, timeout)).replaceAll("");
      if (REGISTERED.matcher(status).find()) {
        return;
      }
      if (awaitEvent("REGISTER_OK", Duration.ofMillis(100)).isPresent()) {
        return;
      }
    }
    throw new AssertionError("not registered: " + status + "; " + describe());
  }

  /** The WAV files the sndfile module wrote whose names end with {@code suffix}. */
  public List<Path> recordings(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder.resolve("recordings"))) {
      return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  /** Waits up to {@code timeout} for the process to end; true when it has. */
  public boolean exitedWithin(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  public String name() {
    return name;
  }

  /** What the agent printed so far, for failure messages. */
  public String console() {
    return read(folder.resolve("console.txt"));
  }

  public String describe() {
    return "baresip "
        + name
        + " (ctrl 127.0.0.1:"
        + ctrlPort
        + (process.isAlive() ? "" : ", exited " + process.exitValue())
        + "), console:\n"
        + console();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  /** Asks baresip to quit, then ends the process if it lingers. */
  @Override
  public void close() throws InterruptedException {
    try {
      send(JSON.createObjectNode().put("command", "quit"));
    } catch (IOException alreadyGone) {
      LOG.debug("quit on {}: {}", name, alreadyGone.getMessage());
    }
    try {
      control.close();
    } catch (IOException e) {
      LOG.debug("closing ctrl_tcp of {}: {}", name, e.getMessage());
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

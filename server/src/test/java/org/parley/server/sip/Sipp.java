package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of SIPp (Debian package {@code sip-tester}) against a server on loopback: a scenario from
 * {@code src/test/resources/sipp/}, its own ports, a global timeout, and every trace file in one
 * folder under {@code target/}, so a failing test can say what SIPp saw.
 */
public final class Sipp implements AutoCloseable {

  /** The SIPp binary; found on the PATH. */
  public static final String BINARY = "sipp";

  private final String name;
  private final Path folder;
  private final int localPort;
  private final Process process;

  private Sipp(String name, Path folder, int localPort, Process process) {
    this.name = name;
    this.folder = folder;
    this.localPort = localPort;
    this.process = process;
  }

  /** Whether {@code sipp} is an executable on the PATH. */
  public static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Files.isExecutable(Path.of(entry, BINARY))) {
        return true;
      }
    }
    return false;
  }

  /** Skips the calling test when SIPp is missing, except under {@code CI}, where it fails. */
  public static void assumeInstalled() {
    boolean installed = installed();
    if (System.getenv("CI") != null) {
      assertThat(installed).as("CI must install sip-tester (sipp); see .ci/run").isTrue();
    }
    assumeTrue(installed, "sipp is not installed (Debian package sip-tester); .ci/run installs it");
  }

  /** A scenario file of {@code src/test/resources/sipp/}, from the test class path. */
  public static Path scenario(String fileName) {
    URL url = Sipp.class.getResource("/sipp/" + fileName);
    if (url == null) {
      throw new IllegalArgumentException(
          "No SIPp scenario sipp/" + fileName + " on the class path");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts SIPp in the foreground (its screen goes to {@code <name>-console.txt}).
   *
   * @param name names the trace files: {@code <name>-stat.csv}, {@code <name>-errors.log}, ...
   * @param folder where the trace files go; created if missing
   * @param target the server, {@code 127.0.0.1:port}
   * @param timeout SIPp's global timeout; reaching it is an error (exit code not 0)
   * @param options scenario options ({@code -sf}, {@code -m}, {@code -key}, ...)
   */
  public static Sipp start(
      String name, Path folder, String target, Duration timeout, List<String> options)
      throws IOException {
    Files.createDirectories(folder);
    int localPort = FreePorts.udpAndTcp();
    List<String> command = new ArrayList<>();
    command.add(BINARY);
    command.add(target);
    command.addAll(
        List.of(
            "-i",
            "127.0.0.1",
            "-p",
            String.valueOf(localPort),
            "-cp",
            String.valueOf(FreePorts.udpAndTcp()),
            "-t",
            "u1",
            "-timeout",
            timeout.toSeconds() + "s",
            "-timeout_error",
            "-nostdin",
            "-trace_stat",
            "-stf",
            file(folder, name, "stat.csv"),
            "-trace_screen",
            "-screen_file",
            file(folder, name, "screen.log"),
            "-trace_err",
            "-error_file",
            file(folder, name, "errors.log"),
            "-trace_msg",
            "-message_file",
            file(folder, name, "messages.log")));
    command.addAll(options);
    Files.writeString(folder.resolve(name + "-command.txt"), String.join(" ", command) + "\n");
    Process process =
        new ProcessBuilder(command)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve(name + "-console.txt").toFile())
            .start();
    return new Sipp(name, folder, localPort, process);
  }

  private static String file(Path folder, String name, String suffix) {
    return folder.resolve(name + "-" + suffix).toString();
  }

  /** The UDP port SIPp sends from and listens on ({@code -p}). */
  public int localPort() {
    return localPort;
  }

  /**
   * Waits for SIPp to exit.
   *
   * @return its exit code: 0 when every call succeeded, 1 when some failed, 255 on a fatal error
   * @throws IllegalStateException when it is still running after {@code deadline}
   */
  public int await(Duration deadline) throws InterruptedException {
    if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "SIPp '" + name + "' still ran after " + deadline + "; " + report());
    }
    return process.exitValue();
  }

  /**
   * The last line of SIPp's {@code -trace_stat} file, by column name ({@code SuccessfulCall(C)},
   * {@code FailedCall(C)}, ...). SIPp writes the final line when it exits.
   */
  public Map<String, String> finalStatistics() throws IOException {
    List<String> lines =
        Files.readAllLines(folder.resolve(name + "-stat.csv"), StandardCharsets.ISO_8859_1).stream()
            .filter(line -> !line.isBlank())
            .toList();
    if (lines.size() < 2) {
      throw new IllegalStateException("SIPp '" + name + "' wrote no statistics; " + report());
    }
    String[] columns = lines.get(0).split(";", -1);
    String[] values = lines.get(lines.size() - 1).split(";", -1);
    Map<String, String> statistics = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(columns.length, values.length); i++) {
      statistics.putIfAbsent(columns[i], values[i]);
    }
    return statistics;
  }

  /** A cumulative counter of the final statistics, such as {@code SuccessfulCall(C)}. */
  public long counter(String column) throws IOException {
    String value = finalStatistics().get(column);
    if (value == null) {
      throw new IllegalStateException("SIPp statistics have no column " + column);
    }
    return Long.parseLong(value.strip());
  }

  /** The lines of one of SIPp's files in the trace folder, or none when it wrote no such file. */
  public List<String> lines(String suffix) {
    Path path = folder.resolve(name + "-" + suffix);
    try {
      return Files.exists(path) ? Files.readAllLines(path, StandardCharsets.ISO_8859_1) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What to show when a run failed: where the traces are, the errors and the last screen. */
  public String report() {
    String errors = tail(lines("errors.log"), 40);
    String screen = tail(lines("screen.log"), 40);
    return "traces in "
        + folder.toAbsolutePath()
        + "\n--- "
        + name
        + " errors ---\n"
        + errors
        + "\n--- "
        + name
        + " screen ---\n"
        + screen;
  }

  private static String tail(List<String> lines, int count) {
    return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
  }

  /** Stops SIPp if it still runs (a test that failed half-way). */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}

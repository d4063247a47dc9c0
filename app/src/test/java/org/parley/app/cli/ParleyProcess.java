package org.parley.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code parley} as a separate process, started the way the {@code ./parley} launcher ends: {@code
 * java -XX:+ExitOnOutOfMemoryError -jar app/target/dist/parley.jar ...}. The launcher's only other
 * work is building that jar, which Maven's package phase has done before the integration tests.
 */
final class ParleyProcess implements AutoCloseable {

  private static final Path DISTRIBUTION = Path.of("target", "dist", "parley.jar");

  private final Process process;
  private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
  private final List<String> output = new ArrayList<>();

  private ParleyProcess(Process process, Path transcript) {
    this.process = process;
    Thread reader = new Thread(() -> copyOutput(transcript), "parley-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code parley args...}; stdout and stderr go, line by line, to {@code transcript}. */
  static ParleyProcess start(Path transcript, String... args) throws IOException {
    if (!Files.isRegularFile(DISTRIBUTION)) {
      throw new IllegalStateException(
          DISTRIBUTION.toAbsolutePath() + " is missing: run the app's tests with mvn verify");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.add("-jar");
    command.add(DISTRIBUTION.toAbsolutePath().toString());
    command.addAll(List.of(args));
    Files.writeString(transcript, String.join(" ", command) + "\n", StandardCharsets.UTF_8);
    return new ParleyProcess(
        new ProcessBuilder(command).redirectErrorStream(true).start(), transcript);
  }

  private void copyOutput(Path transcript) {
    try (BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer copy =
            Files.newBufferedWriter(
                transcript, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (output) {
          output.add(line);
        }
        unread.add(line);
        copy.write(line + "\n");
        copy.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for an output line starting with {@code prefix}; fails with the output so far. */
  void awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = unread.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("No line '" + prefix + "...' within " + timeout + ": " + output());
      }
      if (line.startsWith(prefix)) {
        return;
      }
    }
  }

  /** The exit code; fails if the process still runs after {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("parley still ran after " + timeout + ": " + output());
    }
    return process.exitValue();
  }

  String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

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

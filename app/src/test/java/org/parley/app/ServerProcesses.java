package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/** {@code parley} commands run as child processes on one data folder, as an administrator would. */
final class ServerProcesses implements AutoCloseable {

  static final String DOMAIN = "office.example";
  private static final String TEST_LOGGING = "logback-test.xml";

  private final Path data;
  private final List<Process> processes = new ArrayList<>();

  ServerProcesses(Path data) {
    this.data = data;
  }

  ProcessBuilder parley(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(withoutTestLogging(System.getProperty("java.class.path")));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  // The production logging set-up (LogbackSetup), not the quiet test one, so that the log file is
  // as users see it: LogbackSetup steps aside for any logback-test.xml on the class path.
  private static String withoutTestLogging(String classPath) {
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !hasTestLogging(Path.of(entry)))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static boolean hasTestLogging(Path entry) {
    if (Files.isDirectory(entry)) {
      return Files.exists(entry.resolve(TEST_LOGGING));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(TEST_LOGGING) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Runs a command to its end and returns its output; it must exit 0. */
  String run(String... args) throws Exception {
    Process process = parley(args).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  /** Adds a user to the data folder's server. */
  String addUser(String name, String password) throws Exception {
    return run(
        "server",
        "user",
        "add",
        name,
        "--password",
        password,
        "--data",
        data.toString(),
        "--domain",
        DOMAIN);
  }

  private volatile String startOutput = "";

  /** What the last server started printed up to its "Data in" line. */
  String startOutput() {
    return startOutput;
  }

  /** Starts the server and returns once it printed its start line. */
  Process startServer(int sipPort, int httpPort) throws IOException {
    Process process =
        parley(
                "server",
                "--data",
                data.toString(),
                "--domain",
                DOMAIN,
                "--bind",
                "127.0.0.1",
                "--sip-port",
                String.valueOf(sipPort),
                "--http-port",
                String.valueOf(httpPort))
            .start();
    processes.add(process);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = reader.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("Data in ")) {
        startOutput = seen.toString();
        return process;
      }
    }
    throw new IllegalStateException("Server exited before starting:\n" + seen);
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}

package org.parley.media.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio daemon with null sinks, so a machine without a sound card still has a real
 * system default device: what is played to a sink comes back on its monitor source. Processes
 * started with {@link #environment()} see it as their default (LAB.md, "Sound without a sound
 * card").
 */
public final class PulseAudioRoom implements AutoCloseable {

  private static final long COMMAND_TIMEOUT_SECONDS = 20;

  private final Path home;
  private final Path runtimeDir;

  private PulseAudioRoom(Path home, Path runtimeDir) {
    this.home = home;
    this.runtimeDir = runtimeDir;
  }

  /** True when the pulseaudio daemon and pactl are installed. */
  public static boolean available() {
    return onPath("pulseaudio") && onPath("pactl");
  }

  /** Starts a daemon under {@code dir} with one null sink per name; the first is the default. */
  public static PulseAudioRoom start(Path dir, String... sinkNames)
      throws IOException, InterruptedException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path runtimeDir = Files.createDirectories(dir.resolve("runtime"));
    // A client must not quietly start a daemon of its own when this one is stopped on purpose.
    Path clientConfig = Files.createDirectories(home.resolve(".config/pulse"));
    Files.writeString(clientConfig.resolve("client.conf"), "autospawn = no\n");
    PulseAudioRoom room = new PulseAudioRoom(home, runtimeDir);
    try {
      room.run("pulseaudio", "--start", "--exit-idle-time=-1", "--daemonize=yes");
      for (String sink : sinkNames) {
        room.loadNullSink(sink);
      }
      room.makeDefault(sinkNames[0]);
      return room;
    } catch (IOException | InterruptedException | RuntimeException e) {
      room.close();
      throw e;
    }
  }

  /**
   * The daemon this process's environment points at (for a child started with {@link
   * #environment()}).
   */
  public static PulseAudioRoom fromEnvironment() {
    return new PulseAudioRoom(
        Path.of(System.getenv("HOME")), Path.of(System.getenv("XDG_RUNTIME_DIR")));
  }

  /** Starts the daemon again (after {@link #close()}) with one null sink, the default. */
  public void restart(String sinkName) throws IOException, InterruptedException {
    run("pulseaudio", "--start", "--exit-idle-time=-1", "--daemonize=yes");
    loadNullSink(sinkName);
    makeDefault(sinkName);
  }

  /** Adds a null sink (and with it a monitor source named {@code <sink>.monitor}). */
  public void loadNullSink(String sinkName) throws IOException, InterruptedException {
    run("pactl", "load-module", "module-null-sink", "sink_name=" + sinkName);
  }

  /** Points the default sink at {@code sinkName} and the default source at its monitor. */
  public void makeDefault(String sinkName) throws IOException, InterruptedException {
    run("pactl", "set-default-sink", sinkName);
    run("pactl", "set-default-source", sinkName + ".monitor");
  }

  /** The variables a process needs to find this daemon. */
  public Map<String, String> environment() {
    return Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", runtimeDir.toString());
  }

  /**
   * Stops the daemon and waits, at most ten seconds, until it has exited and let go of its files.
   */
  @Override
  public void close() throws IOException, InterruptedException {
    run("pulseaudio", "--kill");
    for (int attempt = 0; attempt < 100 && exitCode("pulseaudio", "--check") == 0; attempt++) {
      TimeUnit.MILLISECONDS.sleep(100); // polling another process's state; nothing to wait on
    }
  }

  private int exitCode(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private void run(String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
    builder.environment().putAll(environment());
    builder.redirectErrorStream(true);
    builder.redirectOutput(home.resolve("pulse-commands.log").toFile());
    Process process = builder.start();
    if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish");
    }
    if (process.exitValue() != 0 && !"--kill".equals(command[1])) {
      throw new IOException(
          String.join(" ", command)
              + " failed: "
              + Files.readString(home.resolve("pulse-commands.log")));
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}

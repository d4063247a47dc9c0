package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged distribution with no arguments on a virtual X display (Xvfb) and waits for a
 * top-level window named "Parley", as a person starting {@code ./parley} would see it.
 */
class DesktopWindowIT {

  private static final Duration WINDOW_DEADLINE = Duration.ofSeconds(90);

  @TempDir Path profile;

  private Process xvfb;
  private Process app;

  @AfterEach
  void stop() throws InterruptedException {
    for (Process process : new Process[] {app, xvfb}) {
      if (process != null) {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
  }

  @Test
  void withoutArgumentsTheDistributionOpensTheParleyWindow() throws Exception {
    boolean haveXvfb = onPath("Xvfb") && onPath("xwininfo");
    if (System.getenv("CI") != null) {
      assertThat(haveXvfb).as("CI must install xvfb and x11-utils (see .ci/run)").isTrue();
    }
    assumeTrue(haveXvfb, "Xvfb and xwininfo are not installed; .ci/run installs them");
    String display = startXvfb();
    Path jar = Path.of("target/dist/parley.jar").toAbsolutePath();
    assertThat(jar).isRegularFile();

    ProcessBuilder builder =
        new ProcessBuilder(javaExecutable(), "-jar", jar.toString())
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("console.txt").toFile());
    builder.environment().put("DISPLAY", display);
    builder.environment().put("PARLEY_HOME", profile.toString());
    app = builder.start();

    assertThat(waitForWindow(display, "Parley"))
        .as("window 'Parley' on %s; console: %s", display, console())
        .isTrue();
    assertThat(Files.readString(profile.resolve("logs/parley.log")))
        .contains("Starting the Parley desktop app");
  }

  private String startXvfb() throws IOException {
    // -displayfd 1 makes Xvfb pick a free display and print its number once it is ready.
    xvfb =
        new ProcessBuilder(
                "Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
    String number = reader.readLine();
    assertThat(number).as("Xvfb display number").isNotNull().matches("\\d+");
    return ":" + number;
  }

  private boolean waitForWindow(String display, String title) throws Exception {
    Instant deadline = Instant.now().plus(WINDOW_DEADLINE);
    while (Instant.now().isBefore(deadline)) {
      Process probe =
          new ProcessBuilder("xwininfo", "-display", display, "-name", title)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0) {
        return true;
      }
      // Waiting on the app doubles as the pause between probes and notices an early exit.
      if (app.waitFor(250, TimeUnit.MILLISECONDS)) {
        return false;
      }
    }
    return false;
  }

  private String console() throws IOException {
    Path file = profile.resolve("console.txt");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }
}

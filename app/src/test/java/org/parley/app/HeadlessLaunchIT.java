package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the real entry point in a fresh JVM and watches which classes it loads. */
class HeadlessLaunchIT {

  private record Run(int exitCode, String output) {}

  private static Run launch(String... args) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xlog:class+load=info");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("process ended").isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Test
  void helpLoadsNoJavaFxClass() throws Exception {
    Run run = launch("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.output()).contains("Usage: parley", "receive");
    assertThat(run.output()).contains("org.parley.app.cli.ParleyCommand");
    assertThat(run.output()).doesNotContain("javafx.", "org.parley.app.desktop.");
  }

  @Test
  void messageWithoutAnAccountIsAUsageErrorWithoutJavaFx() throws Exception {
    Run run = launch("message", "sip:echo@localhost", "hello");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("--account").doesNotContain("javafx.");
  }

  @Test
  void callWithoutAnAccountIsAUsageErrorWithoutJavaFx() throws Exception {
    Run run = launch("call", "sip:echo@localhost");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.output()).contains("--account").doesNotContain("javafx.");
  }
}

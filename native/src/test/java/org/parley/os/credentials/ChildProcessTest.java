package org.parley.os.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ChildProcessTest {

  private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

  @Test
  void standardInputReachesTheChildAndItsOutputComesBack() throws Exception {
    byte[] input = "through the pipe".getBytes(StandardCharsets.UTF_8);

    ChildProcess.Result result =
        ChildProcess.run(List.of("cat"), PATH, input, Duration.ofSeconds(10));

    assertThat(result.exitCode()).isZero();
    assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("through the pipe");
    assertThat(input).containsOnly((byte) 0); // the caller's copy of the input is wiped
  }

  @Test
  void childThatNeverFinishesIsKilledAtTheTimeLimit() {
    long started = System.nanoTime();

    assertThatThrownBy(
            () ->
                ChildProcess.run(List.of("sleep", "30"), PATH, new byte[0], Duration.ofMillis(300)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("sleep");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(
            ProcessHandle.current()
                .children()
                .filter(child -> child.info().command().orElse("").endsWith("sleep"))
                .filter(ProcessHandle::isAlive))
        .isEmpty();
  }

  @Test
  void childEnvironmentIsExactlyTheOneGiven() throws Exception {
    ChildProcess.Result result =
        ChildProcess.run(
            List.of("env"), Map.of("ONLY_THIS", "1"), new byte[0], Duration.ofSeconds(10));

    assertThat(new String(result.stdout(), StandardCharsets.UTF_8).strip())
        .isEqualTo("ONLY_THIS=1");
  }
}

package org.parley.os;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionBusTest {

  @TempDir Path runtime;

  @Test
  void theAddressVariableWins() throws Exception {
    Files.createFile(runtime.resolve("bus"));

    assertThat(
            SessionBus.address(
                Map.of(
                    "DBUS_SESSION_BUS_ADDRESS",
                    " unix:path=/run/elsewhere ",
                    "XDG_RUNTIME_DIR",
                    runtime.toString())))
        .contains("unix:path=/run/elsewhere");
  }

  @Test
  void aSystemdUserSessionsSocketIsUsedWhenTheVariableIsMissing() throws Exception {
    Files.createFile(runtime.resolve("bus"));

    assertThat(SessionBus.address(Map.of("XDG_RUNTIME_DIR", runtime.toString())))
        .contains("unix:path=" + runtime.resolve("bus"));
  }

  @Test
  void withNeitherThereIsNoBus() {
    assertThat(SessionBus.address(Map.of("XDG_RUNTIME_DIR", runtime.toString()))).isEmpty();
    assertThat(SessionBus.address(Map.of("DBUS_SESSION_BUS_ADDRESS", " "))).isEmpty();
  }
}

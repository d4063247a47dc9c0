package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {

  @TempDir Path data;

  @Test
  void serverLogsIntoItsDataFolder() throws Exception {
    StringWriter err = new StringWriter();

    int exitCode =
        ParleyCommandLine.create(
                () -> 0, new PrintWriter(new StringWriter()), new PrintWriter(err, true))
            .execute("server", "--data", data.toString());

    Path log = data.resolve("logs/server.log");
    assertThat(exitCode).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err.toString()).contains("not available yet", log.toString());
    assertThat(Files.readString(log)).contains("SIP server is not available yet");
  }
}

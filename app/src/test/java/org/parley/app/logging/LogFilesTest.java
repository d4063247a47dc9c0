package org.parley.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class LogFilesTest {

  @TempDir Path folder;

  @Test
  void logLinesLandInTheFileInAFolderItCreates() throws Exception {
    Path file = LogFiles.writeTo(folder.resolve("nested/logs"), "parley.log");

    LoggerFactory.getLogger(LogFilesTest.class).warn("registration of {} failed", "alice");

    assertThat(file).isEqualTo(folder.resolve("nested/logs/parley.log").toAbsolutePath());
    assertThat(Files.readString(file))
        .contains("WARN", "LogFilesTest", "registration of alice failed");
  }

  @Test
  void secondCallMovesTheLogInsteadOfWritingTwice() throws Exception {
    Path first = LogFiles.writeTo(folder.resolve("a"), "parley.log");
    Path second = LogFiles.writeTo(folder.resolve("b"), "parley.log");

    LoggerFactory.getLogger(LogFilesTest.class).warn("only in the second file");

    assertThat(Files.readString(second)).contains("only in the second file");
    assertThat(Files.readString(first)).doesNotContain("only in the second file");
  }
}

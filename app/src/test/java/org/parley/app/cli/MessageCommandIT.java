package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley message} and {@code parley receive} against a server in this JVM, through picocli
 * as the launcher runs them.
 */
class MessageCommandIT {

  @TempDir Path dir;
  private LocalServer server;

  /** What one command run printed and returned. */
  private record Run(int exitCode, String out, String err) {}

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start(dir.resolve("server"), "alice", "wonderland1", "bob", "builder99");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aMessageToAnOfflineUserIsStoredAndReceivePrintsItOnceAsJson() {
    String text = "Lunch at \"Café Nord\"?\nBring the C:\\ drive \u202Ereversed";

    Run sent =
        run(
            "message",
            "bob",
            text,
            "--account",
            server.account("alice"),
            "--password",
            "wonderland1");

    assertThat(sent.exitCode()).as(sent.err()).isZero();
    assertThat(sent.out().strip()).isEqualTo("Stored for sip:bob@127.0.0.1 (offline): 202");

    Run received =
        run(
            "receive",
            "--account",
            server.account("bob"),
            "--password",
            "builder99",
            "--duration",
            "3");

    assertThat(received.exitCode()).as(received.err()).isZero();
    assertThat(received.out().lines())
        .singleElement()
        .asString()
        .startsWith(
            "{\"from\":\"sip:alice@127.0.0.1\",\"name\":\"\","
                + "\"text\":\"Lunch at \\\"Café Nord\\\"?\\nBring the C:\\\\ drive reversed\","
                + "\"time\":\"20")
        .containsPattern("\"time\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\",\"id\":\"stored-")
        .endsWith("\"}");
  }

  @Test
  void aWrongPasswordFailsWithOneLineNamingThePassword() {
    Run run = run("message", "bob", "hi", "--account", server.account("alice"), "--password", "no");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("parley message: The server refused the message (407")
        .contains("--password");
  }

  @Test
  void aMessageToAnUnknownUserFailsWith404() {
    Run run =
        run(
            "message",
            "nobody",
            "hi",
            "--account",
            server.account("alice"),
            "--password",
            "wonderland1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("parley message: sip:nobody@127.0.0.1 does not exist (404 ");
  }

  @Test
  void aTooLongMessageIsAUsageErrorAndNothingIsSent() {
    Run run =
        run(
            "message",
            "bob",
            "x".repeat(5000),
            "--account",
            server.account("alice"),
            "--password",
            "wonderland1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines()).singleElement().asString().contains("5000 bytes", "at most 4096");
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        ParleyCommandLine.create(() -> 0, new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}

package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParleyCommandLineTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final AtomicInteger desktopLaunches = new AtomicInteger();

  private final List<List<String>> linksOpened = new ArrayList<>();

  private int run(String... args) {
    DesktopEntry desktop =
        new DesktopEntry() {
          @Override
          public int launch() {
            desktopLaunches.incrementAndGet();
            return ExitCodes.OK;
          }

          @Override
          public int launch(List<String> links) {
            linksOpened.add(links);
            return ExitCodes.OK;
          }
        };
    return ParleyCommandLine.create(desktop, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void helpListsEverySubcommandOfTheContract() {
    int exitCode = run("--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("server", "call", "answer", "message", "receive");
    assertThat(desktopLaunches).hasValue(0);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    int exitCode = run("--version");

    assertThat(exitCode).isZero();
    assertThat(out.toString().strip()).matches("Parley \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void noArgumentsOpensTheDesktop() {
    int exitCode = run();

    assertThat(exitCode).isZero();
    assertThat(desktopLaunches).hasValue(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"message", "receive"})
  void messagingWithAMalformedAccountIsAUsageErrorOnOneLine(String subcommand) {
    int exitCode =
        "message".equals(subcommand)
            ? run("message", "bob", "hello", "--account", "alice-at-example", "--password", "x")
            : run("receive", "--account", "alice-at-example", "--password", "x");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("parley " + subcommand + ": --account must look like sip:USER@HOST");
    assertThat(desktopLaunches).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"call", "answer"})
  void aMalformedAccountIsAUsageErrorOnOneLine(String subcommand) {
    int exitCode =
        "call".equals(subcommand)
            ? run("call", "bob", "--account", "alice-at-example", "--password", "x")
            : run("answer", "--account", "alice-at-example", "--password", "x", "--calls", "1");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .contains("--account must look like sip:USER@HOST[:PORT]");
  }

  @Test
  void unknownOptionIsAUsageError() {
    int exitCode = run("--frobnicate");

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--frobnicate");
    assertThat(desktopLaunches).hasValue(0);
  }

  @Test
  void subcommandHelpDescribesIt() {
    int exitCode = run("call", "--help");

    assertThat(exitCode).isZero();
    assertThat(out.toString()).contains("place a call");
  }

  @Test
  void sipAndTelLinksOpenTheDesktopToCallThem() {
    int exitCode = run("sip:bob@example.com", "tel:+49-30-123");

    assertThat(exitCode).isZero();
    assertThat(linksOpened).containsExactly(List.of("sip:bob@example.com", "tel:+49-30-123"));
    assertThat(desktopLaunches).hasValue(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bob@example.com", "tel:call-me", "sip:"})
  void anArgumentThatIsNoCallableLinkIsAUsageErrorOnOneLine(String argument) {
    int exitCode = run(argument);

    assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("parley: “" + argument);
    assertThat(linksOpened).isEmpty();
    assertThat(desktopLaunches).hasValue(0);
  }
}

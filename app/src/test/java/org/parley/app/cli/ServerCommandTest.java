package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;

class ServerCommandTest {

  @TempDir Path data;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return ParleyCommandLine.create(() -> 0, new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  private int user(String... args) {
    return provision("user", args);
  }

  private int room(String... args) {
    return provision("room", args);
  }

  /** Runs {@code parley server COMMAND ARGS} on the test's data folder. */
  private int provision(String command, String... args) {
    String[] full = new String[args.length + 6];
    full[0] = "server";
    full[1] = command;
    System.arraycopy(args, 0, full, 2, args.length);
    full[args.length + 2] = "--data";
    full[args.length + 3] = data.toString();
    full[args.length + 4] = "--domain";
    full[args.length + 5] = "office.example";
    return run(full);
  }

  @Test
  void usersCanBeAddedListedChangedAndRemoved() {
    assertThat(user("add", "alice", "--password", "wonderland1")).isZero();
    assertThat(user("add", "bob", "--password", "builder99")).isZero();
    assertThat(user("list")).isZero();
    assertThat(out.toString().lines()).containsExactly("alice", "bob");

    assertThat(user("passwd", "alice", "--password", "looking-glass")).isZero();
    assertThat(user("remove", "bob")).isZero();
    assertThat(user("list")).isZero();
    assertThat(out.toString().lines()).containsExactly("alice");
  }

  @Test
  void roomsCanBeAddedListedAndRemoved() {
    assertThat(user("add", "alice", "--password", "wonderland1")).isZero();
    assertThat(user("add", "bob", "--password", "builder99")).isZero();
    assertThat(room("add", "team", "--member", "bob", "--member", "alice")).isZero();
    assertThat(room("members", "team")).isZero();
    assertThat(out.toString()).isEqualToNormalizingNewlines("alice\nbob\n");
    assertThat(room("list")).isZero();
    assertThat(out.toString()).isEqualToNormalizingNewlines("team alice,bob\n");

    assertThat(room("add", "sales", "--member", "mallory")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).startsWith("parley server room:").contains("no user 'mallory'");
    assertThat(room("remove", "team")).isZero();
    assertThat(room("list")).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void watcherRulesCanBeSetListedAndRemoved() {
    assertThat(user("add", "bob", "--password", "builder99")).isZero();
    assertThat(user("add", "mallory", "--password", "mallory99")).isZero();
    assertThat(user("add", "carol", "--password", "carol999")).isZero();
    assertThat(provision("watcher", "block", "bob", "mallory")).isZero();
    assertThat(provision("watcher", "allow", "bob", "carol")).isZero();
    assertThat(provision("watcher", "list", "bob")).isZero();
    assertThat(out.toString()).isEqualToNormalizingNewlines("allow carol\nblock mallory\n");

    assertThat(provision("watcher", "block", "bob", "nobody")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).startsWith("parley server watcher:").contains("no user 'nobody'");
    assertThat(provision("watcher", "remove", "bob", "mallory")).isZero();
    assertThat(provision("watcher", "list", "bob")).isZero();
    assertThat(out.toString()).isEqualToNormalizingNewlines("allow carol\n");
  }

  @Test
  void passwordsAreNotStoredInTheDatabase() throws Exception {
    assertThat(user("add", "alice", "--password", "wonderland1")).isZero();

    try (var files = Files.list(data)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(content).as(file.toString()).doesNotContain("wonderland1");
      }
    }
  }

  @Test
  void duplicateUserAndShortPasswordGiveClearErrors() {
    assertThat(user("add", "alice", "--password", "wonderland1")).isZero();

    assertThat(user("add", "alice", "--password", "wonderland1")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).startsWith("parley server user:").contains("alice");
    assertThat(user("add", "carol", "--password", "short")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("at least 8");
    assertThat(user("remove", "nobody")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("no user 'nobody'");
  }

  @Test
  void csvImportAddsAndUpdatesAndNamesABadLine() throws Exception {
    assertThat(user("add", "alice", "--password", "wonderland1")).isZero();
    Path csv = data.resolve("users.csv");
    Files.writeString(csv, "# office\nalice,new-password\nbob,builder99\n\ncarol,singer123\n");

    assertThat(user("import", csv.toString())).isZero();
    assertThat(out.toString()).contains("2 new and 1 updated");

    Files.writeString(csv, "dave,password9\nbroken line\n");
    assertThat(user("import", csv.toString())).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("line 2");
    assertThat(user("list")).isZero();
    assertThat(out.toString()).doesNotContain("dave");
  }

  @Test
  void invalidPortIsAUsageError() {
    assertThat(run("server", "--data", data.toString(), "--sip-port", "0"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("parley server:");
  }

  @Test
  void httpsPortFollowsTheHttpPortAndItsFlagOverridesIt() throws Exception {
    ServerCommand command = new ServerCommand();
    command.data = data;
    command.httpPort = 9000;

    assertThat(command.resolve().httpsPort()).isEqualTo(9001);
    command.httpsPort = 9443;
    assertThat(command.resolve().httpsPort()).isEqualTo(9443);
    command.httpsPort = 0;
    assertThat(command.resolve().httpsEnabled()).isFalse();
  }

  @Test
  void theAnnouncedApiHostIsTheBoundAddressOrElseTheDomain() throws Exception {
    ServerConfig local = ServerConfig.resolve(new ServerConfigOverrides().domain("pbx.example"));
    ServerConfig everywhere =
        ServerConfig.resolve(
            new ServerConfigOverrides().domain("pbx.example").httpBindAddress("0.0.0.0"));
    ServerConfig ipv6 = ServerConfig.resolve(new ServerConfigOverrides().httpBindAddress("::1"));

    assertThat(ServerCommand.apiHost(local)).isEqualTo("127.0.0.1");
    assertThat(ServerCommand.apiHost(everywhere)).isEqualTo("pbx.example");
    assertThat(ServerCommand.apiHost(ipv6)).isEqualTo("[::1]");
  }
}

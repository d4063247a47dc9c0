package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DEB's maintainer scripts: jpackage's steps kept, the link handler and the server service. */
class DebMaintainerScriptsTest {

  @TempDir Path dir;

  /** The unit's [Service] keys (the last value of each). */
  static Map<String, String> serviceSection(String unit) {
    Map<String, String> keys = new LinkedHashMap<>();
    String section = "";
    for (String line : unit.split("\n")) {
      if (line.startsWith("[")) {
        section = line;
      } else if (section.equals("[Service]") && line.contains("=")) {
        keys.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
    }
    return keys;
  }

  /** The text of the unit that postinst writes with its here-document. */
  static String unitWrittenBy(String postinst) {
    String start = "cat > /lib/systemd/system/parley-server.service <<'PARLEY_UNIT'\n";
    int from = postinst.indexOf(start);
    assertThat(from).as("postinst writes the unit").isNotNegative();
    int to = postinst.indexOf("\nPARLEY_UNIT\n", from);
    return postinst.substring(from + start.length(), to + 1);
  }

  private void assertParses(String name, String script) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, script);
    Process check = new ProcessBuilder("sh", "-n", file.toString()).start();
    assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(name + " parses").isZero();
  }

  @Test
  void theServiceRunsTheServerLauncherAsItsOwnUserAndComesBackAfterAFailure() {
    Map<String, String> service = serviceSection(ServerService.unit());

    assertThat(service.get("ExecStart"))
        .isEqualTo(
            "/opt/parley/bin/parley-server --config /etc/parley/server.properties"
                + " --data /var/lib/parley");
    assertThat(service).containsEntry("User", "parley").containsEntry("StateDirectory", "parley");
    assertThat(service).containsEntry("Restart", "on-failure");
    // The JVM's status after SIGTERM is a clean stop, not a failure.
    assertThat(service).containsEntry("SuccessExitStatus", "143");
  }

  @Test
  void postinstInstallsTheMenuEntryUpdatesTheDesktopDatabaseThenWritesTheUnit() throws Exception {
    List<Path> written = DebMaintainerScripts.write(dir);

    assertThat(written)
        .extracting(path -> path.getFileName().toString())
        .containsExactly("postinst", "prerm", "postrm");
    String postinst = Files.readString(dir.resolve("postinst"));
    assertThat(postinst).startsWith("#!/bin/sh\n").contains("\nDESKTOP_COMMANDS_INSTALL\n");
    assertThat(postinst.indexOf("DESKTOP_COMMANDS_INSTALL"))
        .isLessThan(postinst.indexOf("update-desktop-database -q /usr/share/applications"));
    assertThat(unitWrittenBy(postinst)).isEqualTo(ServerService.unit());
    assertThat(postinst)
        .contains(
            "adduser --system --group", "install -d -o parley -g parley -m 0750 /var/lib/parley")
        .doesNotContain("systemctl enable");
    // As jpackage fills it in: the script must parse.
    assertParses(
        "postinst.filled",
        postinst.replace(
            "DESKTOP_COMMANDS_INSTALL",
            "xdg-desktop-menu install /opt/parley/lib/parley-Parley.desktop"));
  }

  @Test
  void prermStopsTheServiceAndPostrmRemovesItsUnit() throws Exception {
    String prerm = DebMaintainerScripts.prerm();
    String postrm = DebMaintainerScripts.postrm();

    assertThat(prerm).contains("\nUTILITY_SCRIPTS\n", "\nDESKTOP_COMMANDS_UNINSTALL\n");
    assertThat(prerm).contains("systemctl stop parley-server.service");
    assertThat(postrm).contains("rm -f /lib/systemd/system/parley-server.service");
    assertParses(
        "prerm.filled",
        prerm
            .replace("UTILITY_SCRIPTS", "")
            .replace(
                "DESKTOP_COMMANDS_UNINSTALL",
                "xdg-desktop-menu uninstall /opt/parley/lib/parley-Parley.desktop"));
    assertParses("postrm", postrm);
  }
}

package org.parley.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The DEB's maintainer scripts, in place of jpackage's templates: its menu-entry steps (the
 * capitalised placeholders it fills in), the desktop database for the sip:, sips:, tel: link
 * handler (ADR 0037) and the server's systemd service (ADR 0043).
 */
final class DebMaintainerScripts {

  private DebMaintainerScripts() {}

  /** Writes postinst, prerm and postrm into {@code dir}, which must exist. */
  static List<Path> write(Path dir) throws IOException {
    return List.of(
        Files.writeString(dir.resolve("postinst"), postinst()),
        Files.writeString(dir.resolve("prerm"), prerm()),
        Files.writeString(dir.resolve("postrm"), postrm()));
  }

  /**
   * jpackage's menu install, then the desktop database that maps the scheme handlers to our entry
   * (xdg-desktop-menu updates it only when it finds the tool itself), then the server's unit.
   */
  static String postinst() {
    return script(
        "postinst",
        "    configure)\n"
            + "DESKTOP_COMMANDS_INSTALL\n"
            + "        if command -v update-desktop-database >/dev/null 2>&1; then\n"
            + "            update-desktop-database -q /usr/share/applications || true\n"
            + "        fi\n"
            + ServerService.postinstConfigure()
            + "    ;;\n"
            + "\n"
            + "    abort-upgrade|abort-remove|abort-deconfigure)\n"
            + "    ;;\n");
  }

  /** jpackage's menu uninstall (with the helper functions it needs), and the service stopped. */
  static String prerm() {
    return script(
        "prerm",
        "    remove|upgrade|deconfigure)\n"
            + "DESKTOP_COMMANDS_UNINSTALL\n"
            + ServerService.prermRemove()
            + "    ;;\n"
            + "\n"
            + "    failed-upgrade)\n"
            + "    ;;\n",
        "UTILITY_SCRIPTS\n\n");
  }

  /** The service's unit and, on purge, its settings file removed. */
  static String postrm() {
    return script(
        "postrm",
        "    remove|purge)\n"
            + ServerService.postrmRemove()
            + "    ;;\n"
            + "\n"
            + "    upgrade|failed-upgrade|abort-install|abort-upgrade|disappear)\n"
            + "    ;;\n");
  }

  private static String script(String name, String cases) {
    return script(name, cases, "");
  }

  private static String script(String name, String cases, String preamble) {
    return "#!/bin/sh\n"
        + "# "
        + name
        + " of APPLICATION_PACKAGE: menu entry, sip:, sips:, tel: link handler, server service.\n"
        + "set -e\n"
        + "\n"
        + preamble
        + "case \"$1\" in\n"
        + cases
        + "\n"
        + "    *)\n"
        + "        echo \""
        + name
        + " called with unknown argument '$1'\" >&2\n"
        + "        exit 1\n"
        + "    ;;\n"
        + "esac\n"
        + "\n"
        + "exit 0\n";
  }
}

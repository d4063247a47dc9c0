package org.parley.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The installed server's own launcher, {@code parley-server}: a jpackage additional launcher that
 * starts {@code parley server} with the JVM options of a long-running server rather than the
 * desktop client's (ADR 0043). Services (the DEB's systemd unit) run it.
 */
public final class ServerLauncher {

  /** The launcher's file name under the installation's {@code bin/}. */
  static final String NAME = "parley-server";

  /** Prepends {@code server} to the launcher's arguments. */
  static final String MAIN_CLASS = "org.parley.app.ServerMain";

  /**
   * The same as {@code ./parley server}'s: the JVM's own compilers, collector and heap sizing. With
   * the desktop's options (C1 only, serial GC) a proxied call cost 1.5× the CPU
   * (docs/benchmarks.md, session 8; ADR 0039).
   */
  static final List<String> JAVA_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError");

  private ServerLauncher() {}

  /** Where jpackage's {@code --add-launcher} reads the launcher's properties from. */
  static Path propertiesFile(Path resourceDir) {
    return resourceDir.resolve(NAME + ".properties");
  }

  /**
   * jpackage's properties for an additional launcher: its main class, its own JVM options, a
   * console on Windows (a server prints its addresses and errors there) and no menu entry or
   * shortcut (it is started by a service or an administrator, not from the desktop).
   */
  static String properties(InstallerType type) {
    StringBuilder text = new StringBuilder();
    text.append("main-class=").append(MAIN_CLASS).append('\n');
    text.append("java-options=").append(String.join(" ", JAVA_OPTIONS)).append('\n');
    switch (type) {
      case MSI -> text.append("win-console=true\nwin-shortcut=false\nwin-menu=false\n");
      case DEB, RPM -> text.append("linux-shortcut=false\n");
      case DMG, APP_IMAGE -> {
        // No shortcut or console settings on macOS or in a plain folder.
      }
      default -> throw new IllegalStateException("Unhandled installer type " + type);
    }
    return text.toString();
  }

  /**
   * The launcher's desktop entry for Linux packages, hidden from menus ({@code NoDisplay}):
   * jpackage 17 makes one for every additional launcher when the package has {@code
   * --linux-shortcut}, whatever the launcher's own {@code linux-shortcut=false} says, and a menu
   * item that starts a console server would only confuse.
   */
  static String hiddenDesktopEntry() {
    return "[Desktop Entry]\n"
        + "Name=Parley server\n"
        + "Comment=The Parley SIP server; installed as the parley-server service\n"
        + "Exec=APPLICATION_LAUNCHER\n"
        + "Icon=APPLICATION_ICON\n"
        + "Terminal=true\n"
        + "Type=Application\n"
        + "NoDisplay=true\n";
  }

  /** Writes the properties file (and, for Linux packages, the hidden desktop entry). */
  static List<Path> write(InstallerType type, Path resourceDir) throws IOException {
    Files.createDirectories(resourceDir);
    List<Path> written = new ArrayList<>();
    written.add(Files.writeString(propertiesFile(resourceDir), properties(type)));
    if (type == InstallerType.DEB || type == InstallerType.RPM) {
      written.add(Files.writeString(resourceDir.resolve(NAME + ".desktop"), hiddenDesktopEntry()));
    }
    return written;
  }
}

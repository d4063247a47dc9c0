package org.parley.installers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The jpackage arguments that turn the app's {@code dist/} folder (parley.jar with its lib/) into
 * one installer, with the menu entries, shortcuts and upgrade identity each OS expects.
 */
public record JpackagePlan(
    InstallerType type, AppVersion version, Path distFolder, Path runtimeImage, Path destination) {

  static final String NAME = "Parley";
  static final String MAIN_JAR = "parley.jar";
  static final String MAIN_CLASS = "org.parley.app.Main";
  static final String VENDOR = "Parley";

  /**
   * The JVM options of an installed app, the same as {@code ./parley}'s (see there and
   * docs/benchmarks.md, "Desktop"): the serial collector and a small initial heap keep the idle RSS
   * down, a small young generation and bounded free ratios keep the committed heap near the live
   * set (ADR 0040), the metaspace threshold spares the start its full collections, and the client
   * compiler alone starts faster without making calls cost more CPU. The server has its own
   * launcher with its own options ({@link ServerLauncher}, ADR 0043).
   */
  static final List<String> DESKTOP_JAVA_OPTIONS =
      List.of(
          "-XX:+ExitOnOutOfMemoryError",
          "-XX:+UseSerialGC",
          "-Xms32m",
          "-Xmx1g",
          "-Xmn8m",
          "-XX:MinHeapFreeRatio=10",
          "-XX:MaxHeapFreeRatio=30",
          "-XX:MetaspaceSize=64m",
          "-XX:TieredStopAtLevel=1");

  /** Fixed forever: Windows Installer recognises upgrades of the same product by this code. */
  static final String WINDOWS_UPGRADE_UUID = "6f0b1b5e-4c1d-4c39-9a0e-5d3c7c1e2a41";

  /** The argument list for {@code jpackage}, without the tool's name. */
  public List<String> arguments() {
    version.requireValidFor(type);
    List<String> args = new ArrayList<>();
    add(args, "--type", type.jpackageName());
    add(args, "--name", NAME);
    add(args, "--app-version", version.toString());
    add(args, "--vendor", VENDOR);
    add(args, "--description", "Softphone for calls, chat, presence and visual voicemail");
    add(args, "--input", distFolder.toString());
    add(args, "--main-jar", MAIN_JAR);
    add(args, "--main-class", MAIN_CLASS);
    add(args, "--runtime-image", runtimeImage.toString());
    add(args, "--dest", destination.toString());
    DESKTOP_JAVA_OPTIONS.forEach(option -> add(args, "--java-options", option));
    if (NativeHeapTrim.appliesTo(type, runtimeImage)) {
      add(args, "--java-options", NativeHeapTrim.OPTION);
    }
    // bin/parley-server beside bin/Parley: the same jar and runtime, the server's JVM options.
    add(
        args,
        "--add-launcher",
        ServerLauncher.NAME + "=" + ServerLauncher.propertiesFile(resourceDir()));
    if (type != InstallerType.APP_IMAGE) {
      // The link handler files (UrlSchemeResources) and the DEB's maintainer scripts
      // (DebMaintainerScripts), written there first.
      add(args, "--resource-dir", resourceDir().toString());
    }
    switch (type) {
      case MSI -> {
        args.add("--win-menu");
        args.add("--win-shortcut");
        args.add("--win-dir-chooser");
        add(args, "--win-menu-group", NAME);
        add(args, "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID);
      }
      case DMG -> add(args, "--mac-package-identifier", "org.parley.app");
      case DEB, RPM -> {
        add(args, "--linux-package-name", "parley");
        add(args, "--linux-menu-group", "Network;Telephony;");
        // The menu entry; its desktop file also declares us the handler of sip:, sips:, tel:.
        args.add("--linux-shortcut");
        if (type == InstallerType.DEB) {
          add(args, "--linux-deb-maintainer", "parley@localhost");
          // Opus FEC decoding binds the system libopus (ADR 0032); without it calls fall back to
          // PLC. postinst creates the server service's user with adduser (ServerService).
          add(args, "--linux-package-deps", "libopus0, adduser");
        }
      }
      case APP_IMAGE -> {
        // A plain folder: no OS integration to declare.
      }
      default -> throw new IllegalStateException("Unhandled installer type " + type);
    }
    return args;
  }

  /**
   * Where the files jpackage reads go (through {@code --resource-dir}, and the server launcher's
   * properties): beside the destination.
   */
  public Path resourceDir() {
    Path name = destination.getFileName();
    return destination.resolveSibling((name == null ? "installer" : name) + "-resources");
  }

  private static void add(List<String> args, String option, String value) {
    args.add(option);
    args.add(value);
  }
}

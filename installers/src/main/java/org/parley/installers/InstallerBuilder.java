package org.parley.installers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/**
 * Runs jlink and jpackage in-process (through {@link ToolProvider}) for one {@link JpackagePlan}.
 */
public final class InstallerBuilder {

  /** The JDK modules Parley needs at run time; jlink makes a runtime of just these. */
  static final List<String> RUNTIME_MODULES =
      List.of(
          "java.base",
          "java.desktop",
          "java.logging",
          "java.management",
          "java.naming",
          "java.net.http",
          "java.scripting",
          "java.sql",
          "java.xml",
          "jdk.crypto.ec",
          "jdk.jfr",
          "jdk.unsupported",
          "jdk.zipfs");

  private InstallerBuilder() {}

  /** Makes a trimmed Java runtime in {@code target} (which must not exist yet). */
  public static Path buildRuntime(Path target) throws InstallerException {
    List<String> args = new ArrayList<>();
    args.add("--add-modules");
    args.add(String.join(",", RUNTIME_MODULES));
    args.addAll(List.of("--strip-debug", "--no-header-files", "--no-man-pages"));
    // A runtime made by jlink has no class-data archive of its own, so every JDK class would be
    // loaded and verified at each start; this plugin writes the archive a JDK ships with.
    args.add("--generate-cds-archive");
    args.addAll(List.of("--output", target.toString()));
    run("jlink", args);
    return target;
  }

  /** Builds the installer and returns the folder it was written to. */
  public static Path build(JpackagePlan plan) throws InstallerException {
    if (!Files.isRegularFile(plan.distFolder().resolve(JpackagePlan.MAIN_JAR))) {
      throw new InstallerException(
          "No "
              + JpackagePlan.MAIN_JAR
              + " in "
              + plan.distFolder()
              + "; build the app first: ./mvnw package -pl app -am");
    }
    List<String> arguments = plan.arguments();
    try {
      UrlSchemeResources.write(plan.type(), plan.resourceDir());
      ServerLauncher.write(plan.type(), plan.resourceDir());
      if (plan.type() == InstallerType.DEB) {
        DebMaintainerScripts.write(plan.resourceDir());
      }
    } catch (IOException e) {
      throw new InstallerException(
          "Cannot write the installer's resources to "
              + plan.resourceDir()
              + ": "
              + e.getMessage());
    }
    run("jpackage", arguments);
    return plan.destination();
  }

  private static void run(String tool, List<String> args) throws InstallerException {
    ToolProvider provider =
        ToolProvider.findFirst(tool)
            .orElseThrow(
                () ->
                    new InstallerException(
                        tool + " is missing: build installers with a full JDK 17+"));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
      int status = provider.run(stream, stream, args.toArray(String[]::new));
      if (status != 0) {
        throw new InstallerException(
            tool
                + " failed with status "
                + status
                + ": "
                + output.toString(StandardCharsets.UTF_8).strip());
      }
    }
  }

  /**
   * Command line: {@code InstallerBuilder TYPE VERSION DIST DEST}; TYPE is a jpackage type or
   * {@code native} for this OS's usual installer.
   */
  public static void main(String[] args) throws InstallerException, IOException {
    if (args.length != 4) {
      throw new InstallerException(
          "usage: InstallerBuilder TYPE|native VERSION DIST_FOLDER DEST_FOLDER");
    }
    InstallerType type =
        args[0].equals("native")
            ? InstallerType.nativeFor(System.getProperty("os.name", ""))
            : InstallerType.fromJpackageName(args[0]);
    Path destination = Path.of(args[3]);
    Files.createDirectories(destination);
    Path runtime = buildRuntime(Files.createTempDirectory(destination, "runtime").resolve("jre"));
    build(
        new JpackagePlan(
            type, AppVersion.fromMavenVersion(args[1]), Path.of(args[2]), runtime, destination));
  }
}

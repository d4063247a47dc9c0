package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a real DEB with jpackage (on a stand-in jar and a java.base runtime, to stay quick) and
 * reads the link handler back out of the package with dpkg-deb, as dpkg would install it.
 */
class DebPackageIT {

  @TempDir Path work;

  @Test
  void theDebInstallsTheLinkHandlerAndTheServerLauncherWithItsService() throws Exception {
    assumeTrue(onPath("dpkg-deb") && onPath("fakeroot"), "needs dpkg-deb and fakeroot");
    Path dist = Files.createDirectories(work.resolve("dist"));
    standInJar(dist.resolve(JpackagePlan.MAIN_JAR));
    Path runtime = work.resolve("jre");
    jlinkJavaBase(runtime);
    JpackagePlan plan =
        new JpackagePlan(
            InstallerType.DEB,
            AppVersion.fromMavenVersion("1.2.3"),
            dist,
            runtime,
            work.resolve("out"));

    Path deb = single(InstallerBuilder.build(plan), ".deb");

    Path files = work.resolve("files");
    Path control = work.resolve("control");
    run("dpkg-deb", "-x", deb.toString(), files.toString());
    run("dpkg-deb", "-e", deb.toString(), control.toString());
    List<String> entry = Files.readAllLines(files.resolve("opt/parley/lib/parley-Parley.desktop"));
    assertThat(entry)
        .contains(
            "Exec=/opt/parley/bin/Parley %u",
            "MimeType=x-scheme-handler/sip;x-scheme-handler/sips;x-scheme-handler/tel;",
            "Name=Parley");
    String postinst = Files.readString(control.resolve("postinst"));
    assertThat(postinst)
        .contains("xdg-desktop-menu install /opt/parley/lib/parley-Parley.desktop")
        .contains("update-desktop-database -q /usr/share/applications")
        .doesNotContain("DESKTOP_COMMANDS_INSTALL");

    // Two launchers, each with its own JVM options in its cfg (jpackage's [JavaOptions]).
    assertThat(files.resolve("opt/parley/bin/Parley")).isExecutable();
    assertThat(files.resolve("opt/parley/bin/parley-server")).isExecutable();
    List<String> desktopCfg = Files.readAllLines(files.resolve("opt/parley/lib/app/Parley.cfg"));
    List<String> serverCfg =
        Files.readAllLines(files.resolve("opt/parley/lib/app/parley-server.cfg"));
    assertThat(desktopCfg)
        .contains(
            "app.mainclass=org.parley.app.Main",
            "java-options=-XX:+UseSerialGC",
            "java-options=-XX:TieredStopAtLevel=1",
            // The stand-in runtime is jlinked from this JDK (17.0.9 or newer here).
            "java-options=" + NativeHeapTrim.OPTION);
    assertThat(serverCfg)
        .contains(
            "app.mainclass=org.parley.app.ServerMain", "java-options=-XX:+ExitOnOutOfMemoryError");
    assertThat(serverCfg)
        .noneMatch(
            line -> line.contains("SerialGC") || line.contains("Tiered") || line.contains("Trim"));
    // No menu item for the server: jpackage 17 makes its entry anyway, ours is hidden.
    assertThat(Files.readAllLines(files.resolve("opt/parley/lib/parley-parley-server.desktop")))
        .contains("NoDisplay=true", "Exec=/opt/parley/bin/parley-server")
        .noneMatch(line -> line.startsWith("MimeType"));
    // The service postinst writes runs that launcher.
    Map<String, String> service =
        DebMaintainerScriptsTest.serviceSection(DebMaintainerScriptsTest.unitWrittenBy(postinst));
    assertThat(service.get("ExecStart")).startsWith("/opt/parley/bin/parley-server ");
    assertThat(Files.readString(control.resolve("prerm")))
        .contains("systemctl stop parley-server.service")
        .doesNotContain("DESKTOP_COMMANDS_UNINSTALL", "UTILITY_SCRIPTS");
    assertThat(Files.readString(control.resolve("control"))).contains("libopus0, adduser");
  }

  private static void standInJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JpackagePlan.MAIN_CLASS);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream ignored = new JarOutputStream(out, manifest)) {
      // Only the manifest: jpackage packages the jar, it does not run it.
    }
  }

  private static void jlinkJavaBase(Path target) {
    ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status =
        jlink.run(
            stream,
            stream,
            "--add-modules",
            "java.base",
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            target.toString());
    assertThat(status).as(output.toString(StandardCharsets.UTF_8)).isZero();
  }

  private static Path single(Path folder, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(suffix)).toList();
      assertThat(found).hasSize(1);
      return found.get(0);
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    return path != null
        && Stream.of(path.split(File.pathSeparator))
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
  }
}

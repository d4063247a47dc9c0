package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages the real distribution with jlink + jpackage and runs the packaged launcher. */
class AppImageIT {

  @TempDir Path work;

  @Test
  void packagedLauncherRunsParleyOnItsOwnRuntime() throws Exception {
    Path dist = Path.of(System.getProperty("parley.app.dist"));
    String version = System.getProperty("parley.version");
    Path runtime = InstallerBuilder.buildRuntime(work.resolve("jre"));
    // The JDK classes' archive, without which every start loads and verifies them all.
    assertThat(runtime.resolve("lib/server/classes.jsa")).isRegularFile();
    JpackagePlan plan =
        new JpackagePlan(
            InstallerType.APP_IMAGE,
            AppVersion.fromMavenVersion(version),
            dist,
            runtime,
            work.resolve("out"));

    Path image = InstallerBuilder.build(plan).resolve("Parley");

    Path launcher = image.resolve("bin/Parley");
    assertThat(launcher).isExecutable();
    assertThat(image.resolve("lib/app/parley.jar")).isRegularFile();
    Process process =
        new ProcessBuilder(launcher.toString(), "--version").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("Parley " + version);
    assertThat(Files.exists(image.resolve("lib/runtime/lib/modules"))).isTrue();

    // The server's launcher runs the server command: its help, not the desktop.
    Process server =
        new ProcessBuilder(image.resolve("bin/parley-server").toString(), "--help")
            .redirectErrorStream(true)
            .start();
    String help = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).as(help).isZero();
    assertThat(help).contains("Usage: parley server", "--sip-port");
  }

  @Test
  void missingDistributionGivesAClearError() {
    JpackagePlan plan =
        new JpackagePlan(
            InstallerType.APP_IMAGE,
            AppVersion.fromMavenVersion("1.0.0"),
            work.resolve("nothing-here"),
            work.resolve("jre"),
            work.resolve("out"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstallerBuilder.build(plan))
        .isInstanceOf(InstallerException.class)
        .hasMessageContaining("build the app first");
  }
}

package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpackagePlanTest {

  private static List<String> argumentsFor(InstallerType type, String version) {
    return new JpackagePlan(
            type,
            AppVersion.fromMavenVersion(version),
            Path.of("dist"),
            Path.of("jre"),
            Path.of("out"))
        .arguments();
  }

  private static String valueOf(List<String> args, String option) {
    return args.get(args.indexOf(option) + 1);
  }

  @Test
  void everyInstallerStartsTheAppsMainClassFromParleyJar() {
    for (InstallerType type :
        List.of(InstallerType.APP_IMAGE, InstallerType.DEB, InstallerType.MSI)) {
      List<String> args = argumentsFor(type, "1.2.3");
      assertThat(valueOf(args, "--type")).isEqualTo(type.jpackageName());
      assertThat(valueOf(args, "--main-jar")).isEqualTo("parley.jar");
      assertThat(valueOf(args, "--main-class")).isEqualTo("org.parley.app.Main");
      assertThat(valueOf(args, "--app-version")).isEqualTo("1.2.3");
    }
  }

  @Test
  void msiGetsMenuShortcutAndAStableUpgradeCode() {
    List<String> args = argumentsFor(InstallerType.MSI, "1.0.0");

    assertThat(args).contains("--win-menu", "--win-shortcut");
    assertThat(valueOf(args, "--win-upgrade-uuid")).isEqualTo(JpackagePlan.WINDOWS_UPGRADE_UUID);
  }

  @Test
  void debIntegratesWithTheDesktopMenu() {
    List<String> args = argumentsFor(InstallerType.DEB, "0.1.0-SNAPSHOT");

    // jpackage has no --linux-shell-integration: the menu entry comes with --linux-shortcut.
    assertThat(args).contains("--linux-shortcut").doesNotContain("--linux-shell-integration");
    assertThat(valueOf(args, "--linux-package-name")).isEqualTo("parley");
    assertThat(valueOf(args, "--app-version")).isEqualTo("0.1.0");
  }

  @Test
  void debDependsOnTheSystemLibopusForOpusFecAndOnAdduserForTheServiceUser() {
    assertThat(valueOf(argumentsFor(InstallerType.DEB, "1.0.0"), "--linux-package-deps"))
        .isEqualTo("libopus0, adduser");
    assertThat(argumentsFor(InstallerType.APP_IMAGE, "1.0.0"))
        .doesNotContain("--linux-package-deps");
  }

  @Test
  void nativeTypeFollowsTheOperatingSystem() {
    assertThat(InstallerType.nativeFor("Windows 11")).isEqualTo(InstallerType.MSI);
    assertThat(InstallerType.nativeFor("Mac OS X")).isEqualTo(InstallerType.DMG);
    assertThat(InstallerType.nativeFor("Linux")).isEqualTo(InstallerType.DEB);
  }

  @Test
  void installersReadTheLinkHandlerFilesFromTheirResourceDirectory() {
    JpackagePlan plan =
        new JpackagePlan(
            InstallerType.DEB,
            AppVersion.fromMavenVersion("1.0.0"),
            Path.of("dist"),
            Path.of("jre"),
            Path.of("target", "installer"));

    assertThat(plan.resourceDir()).isEqualTo(Path.of("target", "installer-resources"));
    for (InstallerType type : List.of(InstallerType.DEB, InstallerType.MSI, InstallerType.DMG)) {
      assertThat(valueOf(argumentsFor(type, "1.0.0"), "--resource-dir"))
          .isEqualTo(Path.of("out-resources").toString());
    }
    assertThat(argumentsFor(InstallerType.APP_IMAGE, "1.0.0")).doesNotContain("--resource-dir");
  }

  private static List<String> valuesOf(List<String> args, String option) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals(option)) {
        values.add(args.get(i + 1));
      }
    }
    return values;
  }

  @Test
  void theAppRunsWithTheLaunchersJvmOptions() {
    assertThat(valuesOf(argumentsFor(InstallerType.DEB, "1.0.0"), "--java-options"))
        .containsExactly(
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC",
            "-Xms32m",
            "-Xmx1g",
            "-Xmn8m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            "-XX:MetaspaceSize=64m",
            "-XX:TieredStopAtLevel=1");
  }

  @Test
  void everyInstallerAddsTheServerLauncherFromItsPropertiesFile() {
    for (InstallerType type : InstallerType.values()) {
      assertThat(valuesOf(argumentsFor(type, "1.0.0"), "--add-launcher"))
          .as(type.name())
          .containsExactly("parley-server=" + Path.of("out-resources", "parley-server.properties"));
    }
  }
}

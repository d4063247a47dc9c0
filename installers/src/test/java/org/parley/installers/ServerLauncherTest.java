package org.parley.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server launcher's properties, read back as jpackage reads them (a properties file). */
class ServerLauncherTest {

  @TempDir Path dir;

  private static Properties read(String text) throws Exception {
    Properties properties = new Properties();
    properties.load(new StringReader(text));
    return properties;
  }

  @Test
  void theServerLauncherStartsTheServerMainWithTheJvmDefaultsNotTheDesktopOptions()
      throws Exception {
    List<Path> written = ServerLauncher.write(InstallerType.DEB, dir);

    assertThat(written).first().isEqualTo(dir.resolve("parley-server.properties"));
    Properties properties = read(Files.readString(written.get(0)));
    assertThat(properties.getProperty("main-class")).isEqualTo("org.parley.app.ServerMain");
    assertThat(properties.getProperty("java-options")).isEqualTo("-XX:+ExitOnOutOfMemoryError");
    assertThat(properties.getProperty("java-options"))
        .doesNotContain("TieredStopAtLevel", "UseSerialGC", "-Xmn");
    // No second menu entry: the server is started by a service or an administrator.
    assertThat(properties.getProperty("linux-shortcut")).isEqualTo("false");
  }

  @Test
  void linuxPackagesGetAServerDesktopEntryHiddenFromMenusWithoutTheLinkHandler() throws Exception {
    ServerLauncher.write(InstallerType.DEB, dir);

    List<String> entry = Files.readAllLines(dir.resolve("parley-server.desktop"));
    assertThat(entry).contains("NoDisplay=true", "Exec=APPLICATION_LAUNCHER");
    assertThat(entry).noneMatch(line -> line.startsWith("MimeType"));
    assertThat(ServerLauncher.write(InstallerType.MSI, dir)).hasSize(1);
  }

  @Test
  void onWindowsTheServerGetsAConsoleAndNoShortcuts() throws Exception {
    Properties properties = read(ServerLauncher.properties(InstallerType.MSI));

    assertThat(properties.getProperty("win-console")).isEqualTo("true");
    assertThat(properties.getProperty("win-shortcut")).isEqualTo("false");
    assertThat(properties.getProperty("win-menu")).isEqualTo("false");
    assertThat(properties).doesNotContainKey("linux-shortcut");
  }
}

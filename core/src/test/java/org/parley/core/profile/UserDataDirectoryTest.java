package org.parley.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserDataDirectoryTest {

  @Test
  void linuxUsesXdgDataHomeWhenAbsolute() {
    Path dir =
        UserDataDirectory.resolve("Linux", "/home/ann", Map.of("XDG_DATA_HOME", "/data/ann"));

    assertThat(dir).isEqualTo(Path.of("/data/ann/parley"));
  }

  @Test
  void linuxIgnoresARelativeXdgDataHome() {
    Path dir = UserDataDirectory.resolve("Linux", "/home/ann", Map.of("XDG_DATA_HOME", "rel"));

    assertThat(dir).isEqualTo(Path.of("/home/ann/.local/share/parley"));
  }

  @Test
  void macUsesApplicationSupport() {
    Path dir = UserDataDirectory.resolve("Mac OS X", "/Users/ann", Map.of());

    assertThat(dir).isEqualTo(Path.of("/Users/ann/Library/Application Support/Parley"));
  }

  @Test
  void windowsUsesAppData() {
    Path dir =
        UserDataDirectory.resolve(
            "Windows 11", "/Users/ann", Map.of("APPDATA", "/Users/ann/AppData/Roaming"));

    assertThat(dir).isEqualTo(Path.of("/Users/ann/AppData/Roaming/Parley"));
  }

  @Test
  void parleyHomeOverridesEveryConvention() {
    Path dir =
        UserDataDirectory.resolve(
            "Windows 11", "/Users/ann", Map.of("PARLEY_HOME", "/portable", "APPDATA", "/x"));

    assertThat(dir).isEqualTo(Path.of("/portable"));
  }
}

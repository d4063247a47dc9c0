package org.parley.core.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Parley keeps a user's profile (database, logs, caches), following each OS's convention:
 * {@code %APPDATA%\Parley} on Windows, {@code ~/Library/Application Support/Parley} on macOS and
 * {@code $XDG_DATA_HOME/parley} (default {@code ~/.local/share/parley}) elsewhere. The {@code
 * PARLEY_HOME} environment variable overrides all of them, for portable installs and tests.
 */
public final class UserDataDirectory {

  static final String OVERRIDE_VARIABLE = "PARLEY_HOME";

  private UserDataDirectory() {}

  /** The folder for this process's user, resolved from the real environment. */
  public static Path forCurrentUser() {
    return resolve(
        System.getProperty("os.name", ""), System.getProperty("user.home", "."), System.getenv());
  }

  static Path resolve(String osName, String userHome, Map<String, String> environment) {
    String override = environment.get(OVERRIDE_VARIABLE);
    if (isSet(override)) {
      return Path.of(override);
    }
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = environment.get("APPDATA");
      Path base = isSet(appData) ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
      return base.resolve("Parley");
    }
    if (os.startsWith("mac")) {
      return Path.of(userHome, "Library", "Application Support", "Parley");
    }
    String xdgDataHome = environment.get("XDG_DATA_HOME");
    // The XDG spec says relative values are invalid and must be ignored.
    if (isSet(xdgDataHome) && Path.of(xdgDataHome).isAbsolute()) {
      return Path.of(xdgDataHome, "parley");
    }
    return Path.of(userHome, ".local", "share", "parley");
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}

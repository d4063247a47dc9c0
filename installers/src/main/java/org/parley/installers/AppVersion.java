package org.parley.installers;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * The numeric version an installer carries. Maven's {@code 1.2.3-SNAPSHOT} becomes {@code 1.2.3};
 * each OS's installer format then adds its own limits, checked here so the build fails with a clear
 * message instead of deep inside jpackage or WiX.
 */
public final class AppVersion {

  private static final Pattern NUMERIC = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,2}");

  private final int[] components;

  private AppVersion(int[] components) {
    this.components = components;
  }

  /** Reads a Maven project version, dropping any qualifier after the first '-'. */
  public static AppVersion fromMavenVersion(String mavenVersion) {
    String numeric = mavenVersion.strip().split("-", 2)[0];
    if (!NUMERIC.matcher(numeric).matches()) {
      throw new IllegalArgumentException(
          "Version '" + mavenVersion + "' must start with one to three numbers, such as 1.4.2");
    }
    return new AppVersion(
        Arrays.stream(numeric.split("\\.")).mapToInt(Integer::parseInt).toArray());
  }

  /**
   * Checks the limits of an installer format.
   *
   * @throws IllegalArgumentException saying which limit the version breaks
   */
  public AppVersion requireValidFor(InstallerType type) {
    if (type == InstallerType.MSI) {
      // Windows Installer's ProductVersion: major.minor.build with 255, 255 and 65535 at most.
      int[] limits = {255, 255, 65535};
      for (int i = 0; i < components.length; i++) {
        if (components[i] > limits[i]) {
          throw new IllegalArgumentException(
              "MSI versions allow at most 255.255.65535; " + this + " is too large");
        }
      }
    }
    if (type == InstallerType.DMG && components[0] == 0) {
      throw new IllegalArgumentException(
          "macOS bundles need a major version of 1 or more, but the version is "
              + this
              + "; pass an explicit --app-version for the DMG");
    }
    return this;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    for (int component : components) {
      if (text.length() > 0) {
        text.append('.');
      }
      text.append(component);
    }
    return text.toString();
  }
}

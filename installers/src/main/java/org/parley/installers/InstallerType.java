package org.parley.installers;

import java.util.Locale;

/** What jpackage builds: a native installer for one OS, or a plain application folder. */
public enum InstallerType {
  APP_IMAGE("app-image"),
  MSI("msi"),
  DMG("dmg"),
  DEB("deb"),
  RPM("rpm");

  private final String jpackageName;

  InstallerType(String jpackageName) {
    this.jpackageName = jpackageName;
  }

  /** The value of jpackage's {@code --type}. */
  public String jpackageName() {
    return jpackageName;
  }

  /** The installer IT departments expect on the OS called {@code osName} (Java's os.name). */
  public static InstallerType nativeFor(String osName) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return MSI;
    }
    if (os.startsWith("mac")) {
      return DMG;
    }
    return DEB;
  }

  /** Parses a {@code --type} value such as {@code deb}. */
  public static InstallerType fromJpackageName(String name) {
    for (InstallerType type : values()) {
      if (type.jpackageName.equalsIgnoreCase(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException(
        "Unknown installer type '" + name + "'; use app-image, msi, dmg, deb or rpm");
  }
}

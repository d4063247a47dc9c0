package org.parley.installers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The desktop JVM's periodic native heap trim (ADR 0042), for the installers whose bundled runtime
 * has the option: a JVM that does not know an option refuses to start, and the trim only works with
 * glibc, so only the Linux packages get it.
 */
final class NativeHeapTrim {

  /** The same interval as {@code ./parley}'s. */
  static final String OPTION = "-XX:TrimNativeHeapInterval=5000";

  private NativeHeapTrim() {}

  /** Whether the installer of {@code type} bundling {@code runtimeImage} gets the option. */
  static boolean appliesTo(InstallerType type, Path runtimeImage) {
    return (type == InstallerType.DEB || type == InstallerType.RPM)
        && versionOf(runtimeImage).filter(NativeHeapTrim::supportedBy).isPresent();
  }

  /** JDK 17.0.9+, 21.0.1+ and 22+ have the option (JDK-8293114 and its backports). */
  static boolean supportedBy(Runtime.Version version) {
    int feature = version.feature();
    int update = version.update();
    return feature >= 22 || (feature == 21 && update >= 1) || (feature == 17 && update >= 9);
  }

  /** The Java version a runtime image declares in its {@code release} file, if it says one. */
  static Optional<Runtime.Version> versionOf(Path runtimeImage) {
    Properties release = new Properties();
    try (InputStream in = Files.newInputStream(runtimeImage.resolve("release"))) {
      release.load(in);
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + runtimeImage.resolve("release"), e);
    }
    String quoted = release.getProperty("JAVA_VERSION", "");
    String version = quoted.replace("\"", "").trim();
    try {
      return version.isEmpty() ? Optional.empty() : Optional.of(Runtime.Version.parse(version));
    } catch (IllegalArgumentException unparsable) {
      return Optional.empty();
    }
  }
}

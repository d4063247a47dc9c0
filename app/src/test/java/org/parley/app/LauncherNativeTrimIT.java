package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./parley} launcher has the desktop app's JVM give freed native memory back to the OS
 * every 5 s (ADR 0042), and leaves the server's JVM alone. Runs the real launcher on a stand-in
 * distribution whose jar has no main class: the JVM logs its trim setting as it starts, before it
 * looks for the class.
 */
class LauncherNativeTrimIT {

  private static final Path LAUNCHER = Path.of("..", "parley");
  private static final String TRIM_ENABLED = "Periodic native trim enabled (interval: 5000 ms)";

  @TempDir Path root;

  @Test
  void theDesktopJvmTrimsTheNativeHeapEveryFiveSeconds() throws Exception {
    assumeTrue(jvmCanTrim(), "this JVM has no periodic native trim");

    assertThat(launch("--version")).contains(TRIM_ENABLED);
  }

  @Test
  void theServerJvmKeepsItsDefaults() throws Exception {
    assumeTrue(jvmCanTrim(), "this JVM has no periodic native trim");

    assertThat(launch("server", "--data", root.resolve("server").toString()))
        .doesNotContain(TRIM_ENABLED);
  }

  /** The same versions the launcher checks: JDK 17.0.9, 21.0.1 and 22 brought the option. */
  private static boolean jvmCanTrim() {
    Runtime.Version version = Runtime.version();
    return version.feature() >= 22
        || (version.feature() == 21 && version.update() >= 1)
        || (version.feature() == 17 && version.update() >= 9);
  }

  private String launch(String... args) throws IOException, InterruptedException {
    Path launcher = root.resolve("parley");
    Files.copy(LAUNCHER, launcher);
    Path dist = Files.createDirectories(root.resolve("app/target/dist"));
    writeJarWithoutMainClass(dist.resolve("parley.jar"));
    // Newer than every file the launcher compares it with, so it does not try to build.
    Path built = Files.createFile(dist.resolve(".built"));
    Files.setLastModifiedTime(built, FileTime.from(Instant.now().plusSeconds(60)));

    List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("PARLEY_JAVA_OPTS", "-Xlog:trimnative");
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher exited").isTrue();
    return new String(output, StandardCharsets.UTF_8);
  }

  private static void writeJarWithoutMainClass(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.parley.NoSuchMain");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.flush();
    }
  }
}

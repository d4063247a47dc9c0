package org.parley.os.credentials;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session bus with an unlocked GNOME Keyring on it, in a throw-away home folder, so
 * tests exercise the real Secret Service without touching the developer's own keyring.
 */
final class PrivateKeyring implements AutoCloseable {

  private static final String KEYRING_PASSWORD = "test-keyring-password";

  private final Map<String, String> environment;
  private final long busPid;

  private PrivateKeyring(Map<String, String> environment, long busPid) {
    this.environment = environment;
    this.busPid = busPid;
  }

  /** Skips the calling test (an assumption) only when the programs are not installed at all. */
  static void assumeInstalled() {
    for (String program :
        List.of("dbus-daemon", "dbus-send", "gnome-keyring-daemon", "secret-tool")) {
      assumeTrue(onPath(program), program + " is not installed");
    }
  }

  static PrivateKeyring start(Path folder) throws IOException, InterruptedException {
    assumeInstalled();
    Path home = Files.createDirectories(folder.resolve("home"));
    Path runtime = Files.createDirectories(folder.resolve("run"));
    Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    environment.put("HOME", home.toString());
    environment.put("XDG_RUNTIME_DIR", runtime.toString());
    environment.put("XDG_DATA_HOME", home.resolve("data").toString());
    environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
    Path socket = runtime.resolve("bus");
    String address = "unix:path=" + socket;
    Process bus =
        run(
            environment,
            "",
            "dbus-daemon",
            "--session",
            "--fork",
            "--print-pid=1",
            "--address=" + address);
    long busPid = Long.parseLong(new String(bus.getInputStream().readAllBytes()).strip());
    environment.put("DBUS_SESSION_BUS_ADDRESS", address);
    PrivateKeyring keyring = new PrivateKeyring(Map.copyOf(environment), busPid);
    try {
      // Unlocks (and on first use creates) the "login" keyring with the password on stdin.
      run(
          environment,
          KEYRING_PASSWORD,
          "gnome-keyring-daemon",
          "--unlock",
          "--components=secrets",
          "--daemonize");
    } catch (IOException | RuntimeException e) {
      keyring.close();
      throw e;
    }
    return keyring;
  }

  /** The environment a store needs to reach this keyring. */
  Map<String, String> environment() {
    return environment;
  }

  /** What secret-tool itself finds for {@code accountKey}, bypassing the store under test. */
  String lookUpDirectly(String accountKey) throws IOException, InterruptedException {
    Process lookup =
        run(
            environment,
            "",
            "secret-tool",
            "lookup",
            "application",
            "parley",
            "account",
            accountKey);
    return new String(lookup.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  /** Locks the login keyring, as a screen locker or the keyring's own timeout would. */
  void lock() throws IOException, InterruptedException {
    Process lock =
        run(
            environment,
            "",
            "dbus-send",
            "--session",
            "--dest=org.freedesktop.secrets",
            "--type=method_call",
            "--print-reply",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login");
    if (lock.exitValue() != 0) {
      throw new IOException("The keyring could not be locked");
    }
  }

  // The keyring daemon leaves when its bus goes away, so stopping the bus stops both.
  @Override
  public void close() {
    ProcessHandle.of(busPid).ifPresent(ProcessHandle::destroy);
  }

  private static Process run(Map<String, String> environment, String stdin, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().clear();
    builder.environment().putAll(environment);
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(command[0] + " did not finish");
    }
    return process;
  }

  private static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }
}

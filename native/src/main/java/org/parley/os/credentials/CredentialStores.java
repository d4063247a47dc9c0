package org.parley.os.credentials;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks where a profile's passwords live: the OS credential store when it answers, else the
 * owner-only file with a warning; passwords left in the file from an earlier run move to the OS
 * store once it is usable.
 */
public final class CredentialStores {

  /** The fallback file's name inside a profile folder. */
  public static final String FILE_NAME = "credentials.properties";

  private static final Logger LOG = LoggerFactory.getLogger(CredentialStores.class);
  // The fallback is chosen once per profile opened; people need to read the warning only once.
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private CredentialStores() {}

  /**
   * The credential store for {@code profile} on this machine.
   *
   * @param environment the environment helper programs run with (on Linux, its {@code
   *     DBUS_SESSION_BUS_ADDRESS} names the session bus whose Secret Service is used)
   */
  public static CredentialStore forThisMachine(Path profile, Map<String, String> environment) {
    String os = System.getProperty("os.name", "unknown");
    String name = os.toLowerCase(Locale.ROOT);
    Path file = profile.resolve(FILE_NAME);
    if (name.contains("linux")) {
      return choose(
          file,
          Optional.of(
              new SecretServiceCredentialStore(
                  environment, SecretServiceCredentialStore.DEFAULT_TIMEOUT)),
          "no Secret Service keyring answered on this desktop session"
              + " (install and unlock GNOME Keyring, KeePassXC or KWallet)");
    }
    if (name.contains("mac")) {
      return choose(file, Optional.empty(), "Parley cannot use the macOS Keychain yet");
    }
    if (name.contains("windows")) {
      return choose(file, Optional.empty(), "Parley cannot use the Windows Credential Manager yet");
    }
    return choose(file, Optional.empty(), "Parley knows no credential store on " + os);
  }

  /** The warning that comes with {@code store}, if it is a fallback people should know about. */
  public static Optional<String> warning(CredentialStore store) {
    return store instanceof FileCredentialStore fallback ? fallback.warning() : Optional.empty();
  }

  static CredentialStore choose(
      Path file, Optional<? extends OsCredentialStore> candidate, String whyNot) {
    if (candidate.isEmpty() || !candidate.get().usable()) {
      return fallback(file, whyNot);
    }
    OsCredentialStore system = candidate.get();
    FileCredentialStore leftOver = new FileCredentialStore(file);
    try {
      copyAll(leftOver, system);
    } catch (CredentialStoreException e) {
      return fallback(file, "moving them to the OS store failed: " + e.getMessage());
    }
    removeAll(leftOver);
    return system;
  }

  // Copies every secret before removing any, so a failure part-way leaves the file complete.
  private static void copyAll(FileCredentialStore from, CredentialStore to)
      throws CredentialStoreException {
    for (String accountKey : from.accountKeys()) {
      Optional<char[]> secret = from.get(accountKey);
      if (secret.isEmpty()) {
        continue;
      }
      char[] original = secret.get();
      try {
        to.put(accountKey, original);
        Optional<char[]> copied = to.get(accountKey);
        boolean same = copied.map(value -> Arrays.equals(value, original)).orElse(false);
        copied.ifPresent(value -> Arrays.fill(value, '\0'));
        if (!same) {
          throw new CredentialStoreException(
              "the OS store did not give back the password for " + accountKey, null);
        }
      } finally {
        Arrays.fill(original, '\0');
      }
      LOG.info("Moved the password for {} from the file to the OS credential store", accountKey);
    }
  }

  private static void removeAll(FileCredentialStore from) {
    try {
      for (String accountKey : from.accountKeys()) {
        from.remove(accountKey);
      }
    } catch (CredentialStoreException e) {
      LOG.warn("Passwords were copied to the OS store but stay in the old file too", e);
    }
  }

  private static FileCredentialStore fallback(Path file, String whyNot) {
    String warning = "Passwords are kept in this file, not in an OS keychain: " + whyNot;
    if (WARNED.compareAndSet(false, true)) {
      LOG.warn("{} ({})", warning, file);
    }
    return new FileCredentialStore(file, Optional.of(warning));
  }
}

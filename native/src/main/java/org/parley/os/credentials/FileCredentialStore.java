package org.parley.os.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;

/**
 * The fallback credential store for systems without a keychain: one properties file readable by its
 * owner only (0600 where the file system has POSIX permissions). Each write replaces the file
 * atomically, so a crash leaves the old or the new secrets, never half of them.
 */
public final class FileCredentialStore implements CredentialStore {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path file;
  private final Optional<String> warning;

  public FileCredentialStore(Path file) {
    this(file, Optional.empty());
  }

  /**
   * A store that people should be told about, for example because no OS keychain was found.
   *
   * @param warning one sentence for settings screens and logs; never contains a secret
   */
  public FileCredentialStore(Path file, Optional<String> warning) {
    this.file = file;
    this.warning = warning;
  }

  @Override
  public synchronized void put(String accountKey, char[] secret) throws CredentialStoreException {
    Properties secrets = load();
    secrets.setProperty(accountKey, encode(secret));
    save(secrets);
  }

  @Override
  public synchronized Optional<char[]> get(String accountKey) throws CredentialStoreException {
    String encoded = load().getProperty(accountKey);
    if (encoded == null) {
      return Optional.empty();
    }
    byte[] bytes = Base64.getDecoder().decode(encoded);
    return Optional.of(new String(bytes, StandardCharsets.UTF_8).toCharArray());
  }

  @Override
  public synchronized void remove(String accountKey) throws CredentialStoreException {
    Properties secrets = load();
    if (secrets.remove(accountKey) != null) {
      save(secrets);
    }
  }

  /** The account keys that have a secret here, for moving them to another store. */
  public synchronized Set<String> accountKeys() throws CredentialStoreException {
    return load().stringPropertyNames();
  }

  /** Why this file is used at all, when that deserves a warning. */
  public Optional<String> warning() {
    return warning;
  }

  @Override
  public String description() {
    String where = POSIX ? "file readable only by you (" + file + ")" : "file (" + file + ")";
    return warning.map(why -> where + ". " + why).orElse(where);
  }

  private Properties load() throws CredentialStoreException {
    Properties secrets = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      secrets.load(in);
    } catch (NoSuchFileException e) {
      return secrets;
    } catch (IOException | IllegalArgumentException e) {
      throw new CredentialStoreException("Cannot read the credential file " + file, e);
    }
    return secrets;
  }

  private void save(Properties secrets) throws CredentialStoreException {
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      Path temporary =
          POSIX
              ? Files.createTempFile(
                  folder, ".credentials", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
              : Files.createTempFile(folder, ".credentials", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(temporary)) {
          secrets.store(out, "Parley account secrets; do not share this file");
        }
        moveIntoPlace(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new CredentialStoreException("Cannot write the credential file " + file, e);
    }
  }

  private void moveIntoPlace(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // Base64 keeps any character of a password (separators, newlines) out of the properties syntax.
  private static String encode(char[] secret) {
    return Base64.getEncoder().encodeToString(new String(secret).getBytes(StandardCharsets.UTF_8));
  }
}

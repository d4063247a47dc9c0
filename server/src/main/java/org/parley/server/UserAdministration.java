package org.parley.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestCredentials;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import org.parley.server.store.UserStore;

/**
 * Adds, changes and removes the server's users. Passwords are turned into HA1 digests for the
 * domain (the digest realm) here and never stored or logged.
 */
public final class UserAdministration {

  /** Letters, digits and {@code . _ -}: safe in SIP URIs, file names and shells. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final int MIN_PASSWORD_LENGTH = 8;

  private final UserStore users;
  private final String realm;

  public UserAdministration(UserStore users, String realm) {
    this.users = users;
    this.realm = realm;
  }

  /** Outcome of a CSV import. */
  public record ImportResult(int added, int updated) {}

  public void add(String name, char[] password) throws StoreException {
    users.add(user(name, password));
  }

  /**
   * Sets a new password.
   *
   * @throws IllegalArgumentException when there is no such user
   */
  public void changePassword(String name, char[] password) throws StoreException {
    if (!users.update(user(name, password))) {
      throw new IllegalArgumentException("There is no user '" + name + "'");
    }
  }

  /**
   * Removes a user.
   *
   * @throws IllegalArgumentException when there is no such user
   */
  public void remove(String name) throws StoreException {
    if (!users.remove(name)) {
      throw new IllegalArgumentException("There is no user '" + name + "'");
    }
  }

  public List<User> list() throws StoreException {
    return users.list();
  }

  /**
   * Adds or updates users from a CSV file of {@code name,password} lines. Blank lines and lines
   * starting with {@code #} are skipped. The whole file is checked before anything is written.
   *
   * @throws IllegalArgumentException naming the first bad line
   */
  public ImportResult importCsv(Path file) throws IOException, StoreException {
    List<String[]> rows = new java.util.ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int comma = trimmed.indexOf(',');
        if (comma < 0) {
          throw new IllegalArgumentException(file + " line " + number + ": expected name,password");
        }
        String name = trimmed.substring(0, comma).strip();
        String password = trimmed.substring(comma + 1);
        try {
          checkName(name);
          checkPassword(password.toCharArray());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
        rows.add(new String[] {name, password});
      }
    }
    int added = 0;
    int updated = 0;
    for (String[] row : rows) {
      User user = user(row[0], row[1].toCharArray());
      if (users.update(user)) {
        updated++;
      } else {
        users.add(user);
        added++;
      }
    }
    return new ImportResult(added, updated);
  }

  private User user(String name, char[] password) {
    checkName(name);
    checkPassword(password);
    return new User(
        name,
        realm,
        DigestCredentials.ha1(DigestAlgorithm.MD5, name, realm, password),
        DigestCredentials.ha1(DigestAlgorithm.SHA_256, name, realm, password));
  }

  static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "User name '"
              + name
              + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
    }
  }

  private static void checkPassword(char[] password) {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "Passwords need at least " + MIN_PASSWORD_LENGTH + " characters");
    }
  }
}

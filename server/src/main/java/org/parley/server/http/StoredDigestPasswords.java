package org.parley.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestCredentials;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import org.parley.server.store.UserStore;

/**
 * Checks an HTTP Basic password against the user's stored MD5 HA1 (RFC 2617): the server keeps no
 * passwords, and HA1 = MD5(user:realm:password) is what a SIP password becomes.
 */
public final class StoredDigestPasswords implements PasswordCheck {

  // Compared against for unknown users, so both failures take the same work.
  private static final String NO_USER_HA1 = "0".repeat(32);

  private final UserStore users;
  private final String realm;

  public StoredDigestPasswords(UserStore users, String realm) {
    this.users = users;
    this.realm = realm;
  }

  @Override
  public boolean matches(String user, char[] password) throws IOException {
    Optional<User> stored;
    try {
      stored = users.findCurrent(user);
    } catch (StoreException e) {
      throw new IOException("cannot read user " + user, e);
    }
    String expected =
        stored.filter(found -> realm.equals(found.realm())).map(User::ha1Md5).orElse(NO_USER_HA1);
    String offered = DigestCredentials.ha1(DigestAlgorithm.MD5, user, realm, password);
    boolean same =
        MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.US_ASCII),
            offered.getBytes(StandardCharsets.US_ASCII));
    return same && stored.isPresent();
  }
}

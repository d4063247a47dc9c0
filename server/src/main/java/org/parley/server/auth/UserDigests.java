package org.parley.server.auth;

import java.util.Optional;

/** Looks up a user's stored HA1 for one algorithm; the authenticator's view of the user store. */
@FunctionalInterface
public interface UserDigests {

  /**
   * The HA1 of the user for the algorithm, or empty when there is no such user.
   *
   * @throws AuthLookupException when the store cannot answer (the request then fails with 500)
   */
  Optional<String> ha1(String username, DigestAlgorithm algorithm) throws AuthLookupException;

  /**
   * As {@link #ha1}, but never older than the store's last change (ha1 may answer from a cache up
   * to a second old): asked again when a digest did not match, so a new password works at once.
   */
  default Optional<String> currentHa1(String username, DigestAlgorithm algorithm)
      throws AuthLookupException {
    return ha1(username, algorithm);
  }
}

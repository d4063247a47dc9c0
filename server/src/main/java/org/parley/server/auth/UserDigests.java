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
}

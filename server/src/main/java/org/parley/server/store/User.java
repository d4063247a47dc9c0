package org.parley.server.store;

import java.util.Objects;

/**
 * A SIP user of this server. HA1 digests only, never a password.
 *
 * @param name the user part of the address, compared case-sensitively
 * @param realm the digest realm both HA1 values were computed for
 * @param ha1Md5 lower-case hex of MD5(name ":" realm ":" password)
 * @param ha1Sha256 lower-case hex of SHA-256(name ":" realm ":" password)
 */
public record User(String name, String realm, String ha1Md5, String ha1Sha256) {

  /** Checks that no field is null. */
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(realm, "realm");
    Objects.requireNonNull(ha1Md5, "ha1Md5");
    Objects.requireNonNull(ha1Sha256, "ha1Sha256");
  }

  /** Leaves the digests out, so that logging a user never leaks them. */
  @Override
  public String toString() {
    return "User[name=" + name + ", realm=" + realm + "]";
  }
}

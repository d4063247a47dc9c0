package org.parley.server.registrar;

/**
 * The registrar's limits on registration intervals (RFC 3261 §10.3 step 7) and on the number of
 * contacts one address-of-record may hold.
 */
public record RegistrarPolicy(
    int minExpiresSeconds,
    int maxExpiresSeconds,
    int defaultExpiresSeconds,
    int maxBindingsPerAor) {

  public RegistrarPolicy {
    if (minExpiresSeconds < 1
        || minExpiresSeconds > defaultExpiresSeconds
        || defaultExpiresSeconds > maxExpiresSeconds) {
      throw new IllegalArgumentException(
          "Expiry limits must satisfy 1 <= min <= default <= max, got "
              + minExpiresSeconds
              + "/"
              + defaultExpiresSeconds
              + "/"
              + maxExpiresSeconds);
    }
    if (maxBindingsPerAor < 1) {
      throw new IllegalArgumentException("maxBindingsPerAor must be positive");
    }
  }
}

package org.parley.server.auth;

/** What the authenticator decided about a request's credentials. */
public sealed interface AuthOutcome {

  /** The credentials prove the user's identity. */
  record Authenticated(String username) implements AuthOutcome {}

  /**
   * Challenge again. {@code stale} is true only when the digest was right but its nonce had expired
   * (RFC 7616 §3.3), so the client retries without asking the user for a password.
   */
  record Challenge(boolean stale) implements AuthOutcome {}

  /** The credentials are malformed beyond a new challenge's help (400 Bad Request). */
  record Malformed(String reason) implements AuthOutcome {}
}

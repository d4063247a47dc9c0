package org.parley.server.http;

/** Checks a user's SIP password (against the stored digest, never a stored password). */
@FunctionalInterface
public interface PasswordCheck {

  /**
   * Whether {@code password} is {@code user}'s; false for an unknown user.
   *
   * @throws java.io.IOException when the user store cannot be read (answer 503)
   */
  boolean matches(String user, char[] password) throws java.io.IOException;
}

package org.parley.server.auth;

/** The user store failed while checking credentials; the request gets a server error, not 401. */
public final class AuthLookupException extends Exception {

  private static final long serialVersionUID = 1L;

  public AuthLookupException(String message, Throwable cause) {
    super(message, cause);
  }
}

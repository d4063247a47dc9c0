package org.parley.server;

/** The server could not start; the message says what to change. */
public final class ServerStartException extends Exception {

  private static final long serialVersionUID = 1L;

  public ServerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}

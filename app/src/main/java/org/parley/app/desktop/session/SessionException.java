package org.parley.app.desktop.session;

/** The desktop session could not start or change; the message is a sentence for the user. */
public final class SessionException extends Exception {

  private static final long serialVersionUID = 1L;

  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }

  public SessionException(String message) {
    super(message);
  }
}

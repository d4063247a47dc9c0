package org.parley.core.calllog;

/** The call history could not be read or written; the message says why. */
public final class CallLogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CallLogException(String message, Throwable cause) {
    super(message, cause);
  }
}

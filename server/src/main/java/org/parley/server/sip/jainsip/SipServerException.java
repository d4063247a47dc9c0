package org.parley.server.sip.jainsip;

/** The SIP server could not start: a port in use, a bad address, an unreadable certificate. */
public final class SipServerException extends Exception {

  private static final long serialVersionUID = 1L;

  public SipServerException(String message, Throwable cause) {
    super(message, cause);
  }
}

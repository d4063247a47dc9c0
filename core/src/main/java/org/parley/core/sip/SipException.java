package org.parley.core.sip;

/** The SIP stack could not start or do what was asked; the message says why in plain words. */
public final class SipException extends Exception {

  private static final long serialVersionUID = 1L;

  public SipException(String message, Throwable cause) {
    super(message, cause);
  }
}

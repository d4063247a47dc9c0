package org.parley.core.credentials;

/** The OS credential store could not be read or written; the message says why. */
public final class CredentialStoreException extends Exception {

  private static final long serialVersionUID = 1L;

  public CredentialStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

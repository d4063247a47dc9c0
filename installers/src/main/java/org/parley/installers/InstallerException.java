package org.parley.installers;

/** An installer could not be built; the message says what to fix. */
public final class InstallerException extends Exception {

  private static final long serialVersionUID = 1L;

  public InstallerException(String message) {
    super(message);
  }
}

package org.parley.server.config;

/**
 * The server cannot start with its configuration; the message says what is wrong and what to
 * change, in words a system administrator can act on.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}

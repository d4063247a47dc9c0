package org.parley.server.store;

/** Failure of the durable store (disk full, corrupt file, I/O); message says what happened. */
public class StoreException extends Exception {

  private static final long serialVersionUID = 1L;

  /** A failure caused by {@code cause}, such as an SQL or I/O error. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure the store detected itself, such as a duplicate user. */
  public StoreException(String message) {
    super(message);
  }
}

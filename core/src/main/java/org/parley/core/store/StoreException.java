package org.parley.core.store;

/** A local store (the profile database) could not be opened, read or written; says why. */
public class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure caused by {@code cause}, such as an SQL or I/O error. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A failure the store detected itself, such as a database from a newer Parley. */
  public StoreException(String message) {
    super(message);
  }
}

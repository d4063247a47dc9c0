package org.parley.server.store;

/**
 * The store is accepting no more work for now (its queue is full): an overload, not a failure of
 * the data. Callers answer 503 with Retry-After rather than 500.
 */
public final class StoreBusyException extends StoreException {

  private static final long serialVersionUID = 1L;

  public StoreBusyException(String message) {
    super(message);
  }
}

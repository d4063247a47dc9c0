package org.parley.server.store;

import java.time.Instant;
import java.util.List;

/** The presence agent's publications, kept so a restart does not show everyone offline. */
public interface PublicationStore {

  /**
   * Adds {@code publication}, first removing the one tagged {@code replaced} (a refresh or a
   * modification gets a new entity-tag, RFC 3903 §6) unless that is null; durable when this
   * returns.
   */
  void put(StoredPublication publication, String replaced) throws StoreException;

  /** Forgets a publication; nothing happens for an unknown entity-tag. Durable when it returns. */
  void remove(String entityTag) throws StoreException;

  /** Drops the publications lapsed at {@code now} and returns the others. */
  List<StoredPublication> unexpired(Instant now) throws StoreException;
}

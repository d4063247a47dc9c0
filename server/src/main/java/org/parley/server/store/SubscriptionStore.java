package org.parley.server.store;

import java.time.Instant;
import java.util.List;

/** The presence agent's subscriptions, kept so a restart can resume them. Thread-safe. */
public interface SubscriptionStore {

  /** Adds or replaces a subscription; durable when this returns. */
  void save(StoredSubscription subscription) throws StoreException;

  /** Records a refresh or a sent NOTIFY; nothing happens for an unknown id. */
  void update(String id, Instant expiresAt, long nextCseq) throws StoreException;

  /** Forgets a subscription; nothing happens for an unknown id. */
  void remove(String id) throws StoreException;

  /** Every stored subscription. */
  List<StoredSubscription> all() throws StoreException;
}

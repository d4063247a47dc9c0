package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredSubscription;
import org.parley.server.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent's subscriptions in its {@link SubscriptionStore}: kept before the 2xx, their
 * CSeq after each NOTIFY, forgotten when they end, and rebuilt at start. Failures other than at
 * keeping are logged, never thrown: a lost row only means a watcher resubscribes after a restart.
 */
final class KeptWatches {

  private static final Logger LOG = LoggerFactory.getLogger(KeptWatches.class);

  private final SipContext sip;
  private final SubscriptionStore store;

  KeptWatches(SipContext sip, SubscriptionStore store) {
    this.sip = sip;
    this.store = store;
  }

  /** Keeps a new subscription; durable when this returns. */
  void keep(Watch watch) throws StoreException {
    store.save(watch.stored());
  }

  /** Records the expiry and the next CSeq after a refresh or a NOTIFY. */
  void advanced(Watch watch) {
    try {
      store.update(watch.key(), watch.expiresAt, watch.nextCseq);
    } catch (StoreException e) {
      // A restart would then reuse a CSeq the watcher has seen; it answers 500 and resubscribes.
      LOG.warn("Cannot keep a subscription's CSeq: {}", e.getMessage());
    }
  }

  void forget(String key) {
    try {
      store.remove(key);
    } catch (StoreException e) {
      LOG.warn("Cannot forget a kept presence subscription: {}", e.getMessage());
    }
  }

  /** The kept subscriptions still running at {@code now}; lapsed or unreadable ones are dropped. */
  List<Watch> unexpired(Instant now) {
    List<StoredSubscription> kept;
    try {
      kept = store.all();
    } catch (StoreException e) {
      LOG.error("Cannot read the kept presence subscriptions; watchers will resubscribe", e);
      return List.of();
    }
    List<Watch> running = new ArrayList<>();
    for (StoredSubscription subscription : kept) {
      if (!subscription.expiresAt().isAfter(now)) {
        forget(subscription.id());
        continue;
      }
      try {
        running.add(Watch.restore(sip, subscription));
      } catch (ParseException | RuntimeException e) {
        LOG.warn("Dropping a kept subscription that no longer parses: {}", e.getMessage());
        forget(subscription.id());
      }
    }
    return running;
  }
}

package org.parley.server.presence;

import java.time.Instant;
import java.util.List;
import org.parley.server.store.StoredSubscription;
import org.parley.server.store.SubscriptionStore;

/**
 * How the presence agent authorises watchers and where it keeps its subscriptions.
 *
 * @param watchers who may watch whom
 * @param subscriptions where subscriptions are kept so a restart resumes them
 */
public record PresenceOptions(WatcherPolicy watchers, SubscriptionStore subscriptions) {

  /** Every user of this domain may watch; subscriptions are lost at a restart. */
  public static PresenceOptions inMemory() {
    return new PresenceOptions(WatcherPolicy.sameDomain(), new Forgetful());
  }

  /** Keeps nothing: after a restart a watcher's refresh draws a 481 and it subscribes again. */
  private static final class Forgetful implements SubscriptionStore {
    @Override
    public void save(StoredSubscription subscription) {}

    @Override
    public void update(String id, Instant expiresAt, long nextCseq) {}

    @Override
    public void remove(String id) {}

    @Override
    public List<StoredSubscription> all() {
      return List.of();
    }
  }
}

package org.parley.server.presence;

import java.time.Instant;
import java.util.List;
import org.parley.server.store.PublicationStore;
import org.parley.server.store.StoredPublication;
import org.parley.server.store.StoredSubscription;
import org.parley.server.store.SubscriptionStore;

/**
 * How the presence agent authorises watchers and where it keeps its subscriptions and publications.
 *
 * @param watchers who may watch whom
 * @param subscriptions where subscriptions are kept so a restart resumes them
 * @param publications where published state is kept so a restart does not show users offline
 */
public record PresenceOptions(
    WatcherPolicy watchers, SubscriptionStore subscriptions, PublicationStore publications) {

  /** Subscriptions kept in {@code subscriptions}, publications in memory only. */
  public PresenceOptions(WatcherPolicy watchers, SubscriptionStore subscriptions) {
    this(watchers, subscriptions, new ForgetfulPublications());
  }

  /** Every user of this domain may watch; subscriptions and publications are lost at a restart. */
  public static PresenceOptions inMemory() {
    return new PresenceOptions(WatcherPolicy.sameDomain(), new Forgetful());
  }

  /** Keeps nothing: after a restart presentities look closed until they publish again. */
  private static final class ForgetfulPublications implements PublicationStore {
    @Override
    public void put(StoredPublication publication, String replaced) {}

    @Override
    public void remove(String entityTag) {}

    @Override
    public List<StoredPublication> unexpired(Instant now) {
      return List.of();
    }
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

package org.parley.app.desktop.session;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.parley.app.desktop.viewmodel.PresenceControl;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.core.account.Account;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationListener;
import org.parley.core.account.RegistrationState;
import org.parley.core.presence.AutoAway;
import org.parley.core.presence.IdleSource;
import org.parley.core.presence.PresenceEvent;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.PublishFailed;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.presence.PresenceEvent.WatchFailed;
import org.parley.core.presence.PresenceListener;
import org.parley.core.presence.PresenceStatus;

/**
 * The presence side of the core adapter: publishes my status and watches buddies on the first
 * account, again after each registration (the server forgets them on a restart), and hops presence
 * events from the core's loop to the presence view-model on the UI thread.
 */
public final class CorePresence implements PresenceControl {

  private final Executor ui;
  private final Set<String> watched = ConcurrentHashMap.newKeySet();
  private volatile Account account;
  private volatile PresenceStatus chosen = PresenceStatus.AVAILABLE;
  private volatile PresenceViewModel presenceView;
  private volatile IdleSource idle;
  private volatile Duration awayAfter;
  private AutoAway autoAway; // guarded by this
  private final PresenceListener presenceListener = this::onPresence;
  private final RegistrationListener republish = this::onRegistration;

  public CorePresence(Executor ui) {
    this.ui = ui;
  }

  /** Where events go; set before the account is attached. */
  public void deliverTo(PresenceViewModel presenceViewModel) {
    presenceView = presenceViewModel;
  }

  /**
   * Makes the user away after {@code after} without input, and available again at the next (see
   * {@link AutoAway}); call before the account is attached.
   */
  public void awayWhenIdle(IdleSource source, Duration after) {
    idle = source;
    awayAfter = after;
  }

  /**
   * Takes presence of {@code first} (only the first account is used), letting go of the account it
   * had, which an edit in the settings may have replaced or removed; publishes and watches at once
   * if the account registered already (the app registers before its window is up), else once it
   * does. Nothing happens when {@code first} is the account it already follows.
   */
  public synchronized void follow(Optional<Account> first) {
    Account next = first.orElse(null);
    Account previous = account;
    if (next == previous) {
      return;
    }
    if (previous != null) {
      previous.presence().removeListener(presenceListener);
      previous.removeRegistrationListener(republish);
      if (autoAway != null) {
        autoAway.close();
        autoAway = null;
      }
    }
    account = next;
    if (next == null) {
      return;
    }
    next.presence().addListener(presenceListener);
    next.addRegistrationListener(republish);
    if (registered(next)) {
      // Both are idempotent, so a Registered event that raced with this check does no harm.
      publishAndWatch(next);
    }
    if (idle != null) {
      autoAway = AutoAway.start(next.presence(), idle, awayAfter);
    }
  }

  /** The account presence follows now, if any. */
  public Optional<Account> account() {
    return Optional.ofNullable(account);
  }

  // The server forgets subscriptions and publications on a restart, so each registration renews.
  private void onRegistration(RegistrationEvent event) {
    Account current = account;
    if (event instanceof Registered && current != null) {
      publishAndWatch(current);
    }
  }

  private void publishAndWatch(Account current) {
    current.presence().setStatus(chosen);
    watched.forEach(current.presence()::watch);
  }

  @Override
  public void setStatus(PresenceStatus status) {
    chosen = status;
    Account current = account;
    if (registered(current)) {
      current.presence().setStatus(status);
    }
  }

  @Override
  public void watch(String buddyUri) {
    Account current = account;
    if (watched.add(buddyUri) && registered(current)) {
      current.presence().watch(buddyUri);
    }
  }

  // Before registration the rest waits for the Registered event.
  private static boolean registered(Account account) {
    return account != null && account.registrationState() == RegistrationState.REGISTERED;
  }

  // On the core's loop.
  private void onPresence(PresenceEvent event) {
    PresenceViewModel view = presenceView;
    if (event instanceof BuddyStatusChanged changed) {
      ui.execute(() -> view.onBuddyStatus(changed.buddyUri(), changed.status()));
    } else if (event instanceof WatchFailed failed) {
      ui.execute(() -> view.onWatchFailed(failed.buddyUri()));
    } else if (event instanceof PublishFailed failed) {
      ui.execute(() -> view.onPublishFailed(failed.statusCode(), failed.reason()));
    } else if (event instanceof StatusPublished) {
      ui.execute(view::onPublished);
    }
  }
}

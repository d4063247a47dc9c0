package org.parley.app.desktop.session;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.parley.app.desktop.viewmodel.PresenceControl;
import org.parley.app.desktop.viewmodel.PresenceViewModel;
import org.parley.core.account.Account;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationState;
import org.parley.core.presence.AutoAway;
import org.parley.core.presence.IdleSource;
import org.parley.core.presence.PresenceEvent;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.PublishFailed;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.presence.PresenceEvent.WatchFailed;
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
   * Takes presence of {@code first} (only the first account is used); publishes and watches at once
   * if it registered already (the app registers before its window is up), else once it does.
   */
  public void attach(Account first) {
    if (account != null) {
      return;
    }
    account = first;
    first.presence().addListener(this::onPresence);
    first.addRegistrationListener(
        event -> {
          if (event instanceof Registered) {
            first.presence().setStatus(chosen);
            watched.forEach(first.presence()::watch);
          }
        });
    if (registered(first)) {
      // Both are idempotent, so a Registered event that raced with this check does no harm.
      first.presence().setStatus(chosen);
      watched.forEach(first.presence()::watch);
    }
    if (idle != null) {
      AutoAway.start(first.presence(), idle, awayAfter);
    }
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

package org.parley.core.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.Subscription;
import org.parley.core.sip.TargetUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's presence: publishes our status (available, away, busy, appear offline, and "on the
 * phone" by itself while a call is established) and watches buddies, reporting their status as
 * {@link PresenceEvent}s. Methods may be called from any thread; the work runs on the core's loop.
 */
public final class Presence {

  private static final Logger LOG = LoggerFactory.getLogger(Presence.class);

  private final String domain;
  private final SipUserAgent sip;
  private final EventLoop loop;
  private final Supplier<RegisterSession> session;
  private final Publisher publisher;
  private final List<PresenceListener> listeners = new CopyOnWriteArrayList<>();
  private final Map<String, BuddySubscription> byCallId = new HashMap<>();
  private final Map<String, BuddySubscription> byBuddy = new HashMap<>();
  private final Set<Object> establishedCalls = new HashSet<>();
  private volatile PresenceStatus chosen = PresenceStatus.AVAILABLE;
  private boolean publishing;

  public Presence(
      String addressOfRecord,
      String domain,
      SipUserAgent sip,
      EventLoop loop,
      Supplier<RegisterSession> session) {
    this.domain = domain;
    this.sip = sip;
    this.loop = loop;
    this.session = session;
    this.publisher = new Publisher(this, addressOfRecord);
  }

  public void addListener(PresenceListener listener) {
    listeners.add(listener);
  }

  public void removeListener(PresenceListener listener) {
    listeners.remove(listener);
  }

  /**
   * Sets and publishes the status the user chose. While a call is established the published status
   * is "on the phone", unless the user appears offline.
   *
   * @throws IllegalArgumentException for {@link PresenceStatus#ON_THE_PHONE}, which calls set
   */
  public void setStatus(PresenceStatus status) {
    if (status == PresenceStatus.ON_THE_PHONE) {
      throw new IllegalArgumentException("On the phone is set by calls, not chosen");
    }
    chosen = status;
    loop.execute(
        () -> {
          publishing = true;
          publishEffective();
        });
  }

  /** The status the user chose (not "on the phone"). */
  public PresenceStatus chosenStatus() {
    return chosen;
  }

  /** Watches {@code buddy} ({@code sip:user@host}, {@code user@host} or a user of our domain). */
  public void watch(String buddy) {
    String uri = TargetUri.of(buddy, domain);
    loop.execute(
        () -> {
          if (!byBuddy.containsKey(uri)) {
            new BuddySubscription(this, uri).start();
          }
        });
  }

  /** Stops watching {@code buddy}. */
  public void unwatch(String buddy) {
    String uri = TargetUri.of(buddy, domain);
    loop.execute(
        () -> {
          BuddySubscription subscription = byBuddy.get(uri);
          if (subscription != null) {
            subscription.stop();
          }
        });
  }

  /** The account's call events (on the loop): an established call means "on the phone". */
  public void onCallEvent(CallEvent event) {
    boolean changed = false;
    if (event instanceof CallEstablished) {
      changed = establishedCalls.add(event.call());
      publishing = true;
    } else if (event instanceof CallEnded) {
      changed = establishedCalls.remove(event.call());
    }
    if (changed && publishing) {
      publishEffective();
    }
  }

  /**
   * A presence NOTIFY for this account (on the loop).
   *
   * @return the status to answer: 200, or 481 when it belongs to no subscription of ours
   */
  public int onNotify(IncomingRequest notify) {
    BuddySubscription subscription = byCallId.get(notify.callId());
    if (subscription == null) {
      return 481;
    }
    return subscription.onNotify(notify);
  }

  /** Whether a call is established now (on the loop). */
  boolean inCall() {
    return !establishedCalls.isEmpty();
  }

  private void publishEffective() {
    PresenceStatus status = chosen;
    if (status != PresenceStatus.OFFLINE && !establishedCalls.isEmpty()) {
      status = PresenceStatus.ON_THE_PHONE;
    }
    publisher.publish(status);
  }

  void track(String callId, BuddySubscription subscription) {
    byCallId.put(callId, subscription);
    byBuddy.put(subscription.buddyUri(), subscription);
  }

  void untrack(String callId, BuddySubscription subscription) {
    byCallId.remove(callId, subscription);
    byBuddy.values().remove(subscription);
  }

  void send(OutgoingRequest request, Consumer<RequestOutcome> done) {
    sip.send(session.get(), request, done);
  }

  Cancellable schedule(int delaySeconds, Runnable task) {
    return loop.schedule(Duration.ofSeconds(delaySeconds), task);
  }

  void emit(PresenceEvent event) {
    for (PresenceListener listener : listeners) {
      try {
        listener.onPresenceEvent(event);
      } catch (RuntimeException e) {
        // One faulty listener must not keep the event from the others.
        LOG.error("A presence listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  /** When to refresh something granted for {@code seconds}: a minute early, or halfway. */
  static int refreshDelaySeconds(int seconds) {
    return Subscription.refreshDelaySeconds(seconds);
  }

  /** A header's number of seconds, or {@code otherwise} when absent or not a number. */
  static int seconds(Optional<String> header, int otherwise) {
    return Subscription.seconds(header, otherwise);
  }
}

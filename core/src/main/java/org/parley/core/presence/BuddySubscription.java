package org.parley.core.presence;

import java.util.function.Consumer;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.WatchFailed;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.Subscription;

/**
 * Our subscription to one buddy's presence (RFC 3856 over RFC 6665): a {@link Subscription} whose
 * NOTIFYs carry the buddy's PIDF, reported as {@link PresenceEvent}s. Runs on the core's loop.
 */
final class BuddySubscription implements Subscription.Host {

  static final int EXPIRES_SECONDS = 3600;

  private final Presence owner;
  private final String buddyUri;
  private Subscription current;

  BuddySubscription(Presence owner, String buddyUri) {
    this.owner = owner;
    this.buddyUri = buddyUri;
  }

  String buddyUri() {
    return buddyUri;
  }

  void start() {
    new Subscription(this, buddyUri, "presence", PresenceDocument.CONTENT_TYPE, EXPIRES_SECONDS)
        .start();
  }

  /** Ends the subscription with an unsubscribe (Expires: 0). */
  void stop() {
    current.end();
  }

  /**
   * A NOTIFY in this subscription.
   *
   * @return the status to answer with
   */
  int onNotify(IncomingRequest notify) {
    return current.onNotify(notify);
  }

  @Override
  public void send(OutgoingRequest request, Consumer<RequestOutcome> done) {
    owner.send(request, done);
  }

  @Override
  public Cancellable schedule(int delaySeconds, Runnable task) {
    return owner.schedule(delaySeconds, task);
  }

  @Override
  public void started(Subscription subscription) {
    current = subscription;
    owner.track(subscription.callId(), this);
  }

  @Override
  public void ended(Subscription subscription) {
    owner.untrack(subscription.callId(), this);
  }

  @Override
  public void notified(IncomingRequest notify) {
    byte[] body = notify.body();
    if (body.length > 0
        && notify.contentType().filter(PresenceDocument.CONTENT_TYPE::equals).isPresent()) {
      PresenceDocument document = PresenceDocument.read(body);
      owner.emit(new BuddyStatusChanged(buddyUri, document.status(), document.note()));
    }
  }

  @Override
  public void failed(int statusCode, String reason) {
    owner.emit(new WatchFailed(buddyUri, statusCode, reason));
  }
}

package org.parley.core.presence;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.WatchFailed;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RequestIds;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipHeader;

/**
 * Our subscription to one buddy's presence (RFC 3856 over RFC 6665): the initial SUBSCRIBE, its
 * refreshes inside the dialog before it expires, and the NOTIFYs that carry the buddy's PIDF. A
 * subscription the notifier ended or forgot (481) is started again. Runs on the core's loop.
 */
final class BuddySubscription {

  static final int EXPIRES_SECONDS = 3600;

  /** How long after an unanswered refresh the subscription is started again. */
  static final int RETRY_SECONDS = 30;

  private final Presence owner;
  private final String buddyUri;
  private RequestIds ids;
  private String remoteTarget;
  private Cancellable refresh;
  private boolean stopped;

  BuddySubscription(Presence owner, String buddyUri) {
    this.owner = owner;
    this.buddyUri = buddyUri;
  }

  String buddyUri() {
    return buddyUri;
  }

  String callId() {
    return ids.callId();
  }

  void start() {
    ids = RequestIds.fresh();
    remoteTarget = buddyUri;
    owner.track(this);
    send(EXPIRES_SECONDS);
  }

  /** Ends the subscription with an unsubscribe (Expires: 0). */
  void stop() {
    stopped = true;
    cancelRefresh();
    if (ids.inDialog()) {
      ids = ids.next();
      send(0);
    }
    owner.untrack(this);
  }

  private void send(int expiresSeconds) {
    List<SipHeader> headers =
        List.of(
            new SipHeader("Event", "presence"),
            new SipHeader("Accept", PresenceDocument.CONTENT_TYPE),
            new SipHeader("Expires", Integer.toString(expiresSeconds)));
    RequestIds sent = ids;
    owner.send(
        new OutgoingRequest(
            "SUBSCRIBE", remoteTarget, buddyUri, sent, headers, Optional.empty(), new byte[0]),
        outcome -> answered(sent, outcome, expiresSeconds));
  }

  private void answered(RequestIds sent, RequestOutcome outcome, int expiresSeconds) {
    if (stopped || !sent.callId().equals(ids.callId())) {
      return; // an unsubscribe, or an answer for a subscription started again since
    }
    // A challenge answered on the way raised the CSeq: the next request goes above it.
    ids =
        new RequestIds(
            ids.callId(), ids.localTag(), ids.remoteTag(), outcome.cseq(), ids.routeSet());
    if (outcome.success()) {
      if (!ids.inDialog() && outcome.toTag().isPresent()) {
        ids = ids.inDialog(outcome.toTag().get(), outcome.recordRoutes());
      }
      outcome.contactUri().ifPresent(contact -> remoteTarget = contact);
      int granted = Presence.seconds(outcome.header("Expires"), expiresSeconds);
      scheduleRefresh(granted);
    } else if (outcome.statusCode() == 481 && sent.inDialog()) {
      restart(); // the notifier forgot us (RFC 6665 §4.1.2.3)
    } else if (sent.inDialog() && (outcome.statusCode() == 408 || outcome.statusCode() == 503)) {
      // No answer to a refresh: the notifier may be restarting. Subscribe afresh a little later
      // rather than give the buddy up for the rest of the session.
      cancelRefresh();
      refresh = owner.schedule(RETRY_SECONDS, this::restart);
    } else {
      owner.untrack(this);
      owner.emit(new WatchFailed(buddyUri, outcome.statusCode(), outcome.reasonPhrase()));
    }
  }

  private void scheduleRefresh(int grantedSeconds) {
    cancelRefresh();
    refresh =
        owner.schedule(
            Presence.refreshDelaySeconds(grantedSeconds),
            () -> {
              ids = ids.next();
              send(EXPIRES_SECONDS);
            });
  }

  /**
   * A NOTIFY in this subscription.
   *
   * @return the status to answer with
   */
  int onNotify(IncomingRequest notify) {
    if (!ids.inDialog()) {
      // The NOTIFY overtook the 200 to our SUBSCRIBE (RFC 6665 §4.1.2.4): it makes the dialog.
      ids = ids.inDialog(notify.fromTag(), ids.routeSet());
    }
    notify.header("Contact").map(BuddySubscription::uriOf).ifPresent(uri -> remoteTarget = uri);
    byte[] body = notify.body();
    if (body.length > 0
        && notify.contentType().filter(PresenceDocument.CONTENT_TYPE::equals).isPresent()) {
      PresenceDocument document = PresenceDocument.read(body);
      owner.emit(new BuddyStatusChanged(buddyUri, document.status(), document.note()));
    }
    String state = notify.header("Subscription-State").orElse("").toLowerCase(Locale.ROOT);
    if (state.startsWith("terminated") && !stopped) {
      cancelRefresh();
      if (state.contains("rejected") || state.contains("noresource")) {
        owner.untrack(this);
        owner.emit(new WatchFailed(buddyUri, 403, "The subscription was " + state));
      } else {
        restart();
      }
    }
    return 200;
  }

  private void restart() {
    cancelRefresh();
    owner.untrack(this);
    start();
  }

  private void cancelRefresh() {
    if (refresh != null) {
      refresh.cancel();
      refresh = null;
    }
  }

  // "Name" <sip:x@y;transport=tcp>;expires=60 → sip:x@y;transport=tcp
  static String uriOf(String contact) {
    int open = contact.indexOf('<');
    int close = contact.indexOf('>', open + 1);
    if (open >= 0 && close > open) {
      return contact.substring(open + 1, close);
    }
    int semicolon = contact.indexOf(';');
    return (semicolon < 0 ? contact : contact.substring(0, semicolon)).trim();
  }
}

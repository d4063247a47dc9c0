package org.parley.core.voicemail;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RequestIds;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipHeader;
import org.parley.core.voicemail.VoicemailEvent.MessagesWaitingChanged;
import org.parley.core.voicemail.VoicemailEvent.WatchFailed;

/**
 * One message-summary subscription (RFC 3842 over RFC 6665) to the account's own address of record:
 * SUBSCRIBE, refreshes within the dialog, and the NOTIFYs with the counts. When the notifier
 * forgets it (481 to a refresh, say after a server restart) or ends it for a reason that allows a
 * retry, a new subscription starts. Lives on the core's loop.
 */
final class SummarySubscription {

  static final String EVENT_PACKAGE = "message-summary";
  static final int EXPIRES_SECONDS = 3600;

  private final Voicemail owner;
  private final String mailboxUri;
  private RequestIds ids;
  private String target;
  private Cancellable refreshTimer;
  private boolean ended;

  SummarySubscription(Voicemail owner, String mailboxUri) {
    this.owner = owner;
    this.mailboxUri = mailboxUri;
    this.ids = RequestIds.fresh();
    this.target = mailboxUri;
  }

  String callId() {
    return ids.callId();
  }

  void start() {
    owner.track(this);
    subscribe(EXPIRES_SECONDS);
  }

  /** Unsubscribes (Expires: 0) if a dialog exists; later answers and NOTIFYs are ignored. */
  void end() {
    ended = true;
    stopTimer();
    owner.untrack(this);
    if (ids.inDialog()) {
      ids = ids.next();
      subscribe(0);
    }
  }

  private void subscribe(int expiresSeconds) {
    RequestIds sentWith = ids;
    OutgoingRequest request =
        new OutgoingRequest(
            "SUBSCRIBE",
            target,
            mailboxUri,
            sentWith,
            List.of(
                new SipHeader("Event", EVENT_PACKAGE),
                new SipHeader("Accept", MessageSummary.CONTENT_TYPE),
                new SipHeader("Expires", String.valueOf(expiresSeconds))),
            Optional.empty(),
            new byte[0]);
    owner.send(request, outcome -> onAnswer(sentWith, outcome));
  }

  private void onAnswer(RequestIds sentWith, RequestOutcome outcome) {
    if (ended || !sentWith.callId().equals(ids.callId())) {
      return;
    }
    // After a digest challenge the CSeq went up by one; the refresh must go above that.
    ids =
        new RequestIds(
            ids.callId(), ids.localTag(), ids.remoteTag(), outcome.cseq(), ids.routeSet());
    if (outcome.success()) {
      if (!ids.inDialog() && outcome.toTag().isPresent()) {
        ids = ids.inDialog(outcome.toTag().get(), outcome.recordRoutes());
      }
      outcome.contactUri().ifPresent(contact -> target = contact);
      int grantedSeconds = Voicemail.seconds(outcome.header("Expires"), EXPIRES_SECONDS);
      scheduleRefresh(grantedSeconds);
      return;
    }
    if (outcome.statusCode() == 481 && sentWith.inDialog()) {
      startOver();
      return;
    }
    owner.untrack(this);
    owner.emit(new WatchFailed(outcome.statusCode(), outcome.reasonPhrase()));
  }

  private void scheduleRefresh(int grantedSeconds) {
    stopTimer();
    refreshTimer =
        owner.schedule(
            Voicemail.refreshDelaySeconds(grantedSeconds),
            () -> {
              ids = ids.next();
              subscribe(EXPIRES_SECONDS);
            });
  }

  /**
   * A NOTIFY of this subscription.
   *
   * @return the status to answer it with
   */
  int onNotify(IncomingRequest notify) {
    if (ended) {
      return 481;
    }
    if (!ids.inDialog()) {
      // The NOTIFY may overtake the 200 (RFC 6665 §4.1.2.4); its From tag names the dialog.
      ids = ids.inDialog(notify.fromTag(), ids.routeSet());
    }
    notify.header("Contact").map(SummarySubscription::contactUri).ifPresent(uri -> target = uri);
    byte[] body = notify.body();
    boolean summaryBody =
        notify.contentType().map(MessageSummary.CONTENT_TYPE::equals).orElse(false);
    if (summaryBody && body.length > 0) {
      MessageSummary summary = MessageSummary.parse(body);
      owner.summaryArrived(summary);
      owner.emit(new MessagesWaitingChanged(summary));
    }
    String state = notify.header("Subscription-State").orElse("active").toLowerCase(Locale.ROOT);
    if (state.startsWith("terminated")) {
      if (state.contains("rejected") || state.contains("noresource")) {
        // RFC 6665 §4.1.3: these reasons say a new subscription would fail the same way.
        stopTimer();
        owner.untrack(this);
        owner.emit(new WatchFailed(403, "The mailbox ended the subscription: " + state));
      } else {
        startOver();
      }
    }
    return 200;
  }

  private void startOver() {
    stopTimer();
    owner.untrack(this);
    ended = true;
    new SummarySubscription(owner, mailboxUri).start();
  }

  private void stopTimer() {
    if (refreshTimer != null) {
      refreshTimer.cancel();
      refreshTimer = null;
    }
  }

  // <sip:voicemail@10.0.0.1:5060;transport=udp>;expires=3600 → sip:voicemail@10.0.0.1:5060;...
  static String contactUri(String contact) {
    int start = contact.indexOf('<');
    int stop = start < 0 ? -1 : contact.indexOf('>', start);
    if (stop > start) {
      return contact.substring(start + 1, stop).trim();
    }
    int parameters = contact.indexOf(';');
    return (parameters < 0 ? contact : contact.substring(0, parameters)).trim();
  }
}

package org.parley.core.sip;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.core.loop.EventLoop.Cancellable;

/**
 * The subscriber's side of one event subscription (RFC 6665): the initial SUBSCRIBE, refreshes in
 * the dialog before it expires, and the NOTIFYs, whose content goes to the {@link Host}. When the
 * notifier forgets the subscription (481 to a refresh, say after a restart) or ends it for a reason
 * that allows a retry, a new one starts in its place. Lives on the core's loop.
 */
public final class Subscription {

  /** What a subscription needs from its owner (presence, voicemail), called on the loop. */
  public interface Host {
    void send(OutgoingRequest request, Consumer<RequestOutcome> done);

    Cancellable schedule(int delaySeconds, Runnable task);

    /** A subscription (this one, or one started in its place) now has its Call-ID. */
    void started(Subscription subscription);

    /** The subscription is over; its NOTIFYs no longer belong to anyone. */
    void ended(Subscription subscription);

    /** A NOTIFY of the subscription arrived (any body is for the host to read). */
    void notified(IncomingRequest notify);

    /** The notifier refused the subscription, or ended it for good; nothing more comes. */
    void failed(int statusCode, String reason);
  }

  /** How long after an unanswered refresh the subscription is started again. */
  public static final int RETRY_SECONDS = 30;

  private final Host host;
  private final String resourceUri;
  private final String eventPackage;
  private final String accept;
  private final int expiresSeconds;
  private RequestIds ids = RequestIds.fresh();
  private String target;
  private Cancellable refreshTimer;
  private boolean over;

  /**
   * @param resourceUri what is subscribed to (the Request-URI and To of the initial SUBSCRIBE)
   * @param accept the body type asked for in Accept
   * @param expiresSeconds the lifetime asked for in each (re-)SUBSCRIBE
   */
  public Subscription(
      Host host, String resourceUri, String eventPackage, String accept, int expiresSeconds) {
    this.host = host;
    this.resourceUri = resourceUri;
    this.eventPackage = eventPackage;
    this.accept = accept;
    this.expiresSeconds = expiresSeconds;
    this.target = resourceUri;
  }

  public String callId() {
    return ids.callId();
  }

  public String resourceUri() {
    return resourceUri;
  }

  public void start() {
    host.started(this);
    subscribe(expiresSeconds);
  }

  /** Unsubscribes (Expires: 0) if a dialog exists; later answers and NOTIFYs are ignored. */
  public void end() {
    over = true;
    stopTimer();
    host.ended(this);
    if (ids.inDialog()) {
      ids = ids.next();
      subscribe(0);
    }
  }

  private void subscribe(int expires) {
    RequestIds sentWith = ids;
    OutgoingRequest request =
        new OutgoingRequest(
            "SUBSCRIBE",
            target,
            resourceUri,
            sentWith,
            List.of(
                new SipHeader("Event", eventPackage),
                new SipHeader("Accept", accept),
                new SipHeader("Expires", String.valueOf(expires))),
            Optional.empty(),
            new byte[0]);
    host.send(request, outcome -> onAnswer(sentWith, outcome));
  }

  private void onAnswer(RequestIds sentWith, RequestOutcome outcome) {
    if (over || !sentWith.callId().equals(ids.callId())) {
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
      scheduleRefresh(seconds(outcome.header("Expires"), expiresSeconds));
    } else if (outcome.statusCode() == 481 && sentWith.inDialog()) {
      startOver();
    } else if (sentWith.inDialog()
        && (outcome.statusCode() == 408 || outcome.statusCode() == 503)) {
      // No answer to a refresh: the notifier may be restarting. Subscribe afresh a little later
      // rather than give the resource up for the rest of the session.
      stopTimer();
      refreshTimer = host.schedule(RETRY_SECONDS, this::startOver);
    } else {
      over = true;
      host.ended(this);
      host.failed(outcome.statusCode(), outcome.reasonPhrase());
    }
  }

  private void scheduleRefresh(int grantedSeconds) {
    stopTimer();
    refreshTimer =
        host.schedule(
            refreshDelaySeconds(grantedSeconds),
            () -> {
              ids = ids.next();
              subscribe(expiresSeconds);
            });
  }

  /**
   * A NOTIFY of this subscription.
   *
   * @return the status to answer it with
   */
  public int onNotify(IncomingRequest notify) {
    if (over) {
      return 481;
    }
    if (!ids.inDialog()) {
      // The NOTIFY may overtake the 200 (RFC 6665 §4.1.2.4); its From tag names the dialog.
      ids = ids.inDialog(notify.fromTag(), ids.routeSet());
    }
    notify.header("Contact").map(Subscription::uriOf).ifPresent(uri -> target = uri);
    host.notified(notify);
    String state = notify.header("Subscription-State").orElse("active").toLowerCase(Locale.ROOT);
    if (state.startsWith("terminated") && !over) {
      if (state.contains("rejected") || state.contains("noresource")) {
        // RFC 6665 §4.1.3: with these reasons a new subscription would fail the same way.
        over = true;
        stopTimer();
        host.ended(this);
        host.failed(403, "The subscription was " + state);
      } else {
        startOver();
      }
    }
    return 200;
  }

  private void startOver() {
    over = true;
    stopTimer();
    host.ended(this);
    new Subscription(host, resourceUri, eventPackage, accept, expiresSeconds).start();
  }

  private void stopTimer() {
    if (refreshTimer != null) {
      refreshTimer.cancel();
      refreshTimer = null;
    }
  }

  /** When to refresh something granted for {@code seconds}: a minute early, or halfway. */
  public static int refreshDelaySeconds(int seconds) {
    return seconds > 120 ? seconds - 60 : Math.max(1, seconds / 2);
  }

  /** A header's whole seconds, or {@code otherwise} when absent or not a number. */
  public static int seconds(Optional<String> header, int otherwise) {
    try {
      return header.map(String::trim).map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** {@code "Name" <sip:x@y;transport=tcp>;expires=60} → {@code sip:x@y;transport=tcp}. */
  public static String uriOf(String nameAddress) {
    int open = nameAddress.indexOf('<');
    int close = open < 0 ? -1 : nameAddress.indexOf('>', open + 1);
    if (close > open) {
      return nameAddress.substring(open + 1, close).trim();
    }
    int semicolon = nameAddress.indexOf(';');
    return (semicolon < 0 ? nameAddress : nameAddress.substring(0, semicolon)).trim();
  }
}

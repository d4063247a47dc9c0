package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.stack.HopImpl;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.presence.DialogBoard;
import org.parley.server.presence.Pidf;
import org.parley.server.presence.PresenceOptions;
import org.parley.server.presence.PresenceStore;
import org.parley.server.presence.WatcherPolicy;
import org.parley.server.store.StoreException;
import org.parley.server.store.SubscriptionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent (RFC 3856, RFC 3903): takes PUBLISH from users about themselves, accepts
 * SUBSCRIBE from watchers of the same domain whom the {@link WatcherPolicy} allows, and NOTIFYs
 * them of every change with the presentity's PIDF document. Subscriptions are kept in a {@link
 * SubscriptionStore} before they are accepted, and publications in a {@link
 * org.parley.server.store.PublicationStore} before they are answered, so a restarted server resumes
 * both; with stores that keep nothing, a watcher's refresh after a restart draws a 481 and it
 * subscribes again (RFC 6665 §4.1.2.3), and a publisher's refresh a 412.
 */
final class PresenceAgent implements AutoCloseable {

  static final String EVENT = "presence";
  static final String DIALOG_EVENT = "dialog";
  static final String MWI_EVENT = "message-summary";
  private static final Logger LOG = LoggerFactory.getLogger(PresenceAgent.class);
  private static final long MIN_EXPIRES_SECONDS = 60;
  private static final long MAX_EXPIRES_SECONDS = 3600;

  private final SipContext sip;
  private final Responses responses;
  private final PresenceStore store;
  private final PublishHandler publications;
  private final DialogBoard dialogs = new DialogBoard(aor -> notifyWatchers(aor, DIALOG_EVENT));
  private final Clock clock;
  private final WatcherPolicy policy;
  private final KeptWatches kept;
  // Message-waiting (RFC 3842): a mailbox's simple-message-summary body; null without voicemail.
  private volatile Function<String, String> summaries;
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "parley-presence-timers");
            thread.setDaemon(true);
            return thread;
          });

  PresenceAgent(SipContext sip, Responses responses, Clock clock, PresenceOptions options) {
    this.sip = sip;
    this.responses = responses;
    this.store =
        new PresenceStore(MIN_EXPIRES_SECONDS, MAX_EXPIRES_SECONDS, options.publications());
    this.clock = clock;
    this.publications =
        new PublishHandler(sip, responses, store, clock, timers, aor -> notifyWatchers(aor, EVENT));
    this.policy = options.watchers();
    this.kept = new KeptWatches(sip, options.subscriptions());
  }

  /**
   * Takes up the publications and subscriptions kept before a restart, quietly: the watchers
   * already have the last state, and a publication's refresh with its old entity-tag still works.
   */
  void resume() {
    publications.resume();
    Instant now = clock.instant();
    List<Watch> resumed = kept.unexpired(now);
    for (Watch watch : resumed) {
      watches.put(watch.key(), watch);
      long remainingMillis = Duration.between(now, watch.expiresAt).toMillis();
      watch.expiry = timers.schedule(() -> expire(watch), remainingMillis, TimeUnit.MILLISECONDS);
    }
    LOG.info("Resumed {} presence subscriptions", resumed.size());
  }

  /**
   * An out-of-dialog PUBLISH or SUBSCRIBE for the presence event package, or a SUBSCRIBE for the
   * dialog package (RFC 4235, the busy lamp field).
   */
  boolean handles(Request request) {
    String method = request.getMethod();
    EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
    if (event == null) {
      return false;
    }
    if (Request.SUBSCRIBE.equals(method)) {
      return EVENT.equalsIgnoreCase(event.getEventType())
          || DIALOG_EVENT.equalsIgnoreCase(event.getEventType())
          || summaries != null && MWI_EVENT.equalsIgnoreCase(event.getEventType());
    }
    return Request.PUBLISH.equals(method) && EVENT.equalsIgnoreCase(event.getEventType());
  }

  /** Turns on message-summary subscriptions, with each mailbox's body from {@code bodies}. */
  void messageSummaries(Function<String, String> bodies) {
    this.summaries = bodies;
  }

  /** A mailbox changed: its watchers get a fresh message summary. */
  void mailboxChanged(String aor) {
    notifyWatchers(aor, MWI_EVENT);
  }

  private static boolean isMessageSummary(Request request) {
    EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
    return event != null && MWI_EVENT.equalsIgnoreCase(event.getEventType());
  }

  /** The calls the proxy sees, for the dialog package. */
  DialogBoard dialogs() {
    return dialogs;
  }

  /** An in-dialog SUBSCRIBE (refresh or unsubscribe) for one of our subscriptions. */
  boolean ownsInDialog(Request request) {
    String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
    return Request.SUBSCRIBE.equals(request.getMethod())
        && toTag != null
        && watches.containsKey(Watch.key(callId(request), toTag));
  }

  boolean ownsResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    return transaction != null && transaction.getApplicationData() instanceof Watch;
  }

  boolean ownsTimeout(TimeoutEvent event) {
    return !event.isServerTransaction()
        && event.getClientTransaction().getApplicationData() instanceof Watch;
  }

  /**
   * Handles a PUBLISH or SUBSCRIBE for {@code presentity}, a local user.
   *
   * @param requester the authenticated local user who sent it, or empty for anyone else
   */
  void handle(RequestEvent event, String presentity, Optional<String> requester) {
    Request request = event.getRequest();
    if (requester.isEmpty()) {
      // Only this domain's users watch or publish; the watcher policy narrows that further.
      responses.sendStateless(request, Response.FORBIDDEN, "Presence is for this domain's users");
      return;
    }
    if (Request.PUBLISH.equals(request.getMethod())) {
      publications.publish(request, presentity, requester.get());
    } else if (isMessageSummary(request)) {
      if (presentity.equals("sip:" + requester.get() + "@" + sip.domain())) {
        subscribe(event, presentity, requester.get());
      } else {
        responses.sendStateless(request, Response.FORBIDDEN, "Only the owner watches a mailbox");
      }
    } else {
      Optional<Boolean> allowed = allows(presentity, requester.get());
      if (allowed.isEmpty()) {
        responses.sendStateless(request, Response.SERVER_INTERNAL_ERROR, "Rules unavailable");
      } else if (!allowed.get()) {
        // RFC 3856 §6.6 and RFC 6665 §4.2.1.2: an unauthorised subscription is refused.
        responses.sendStateless(request, Response.FORBIDDEN, "Not allowed to watch this user");
      } else {
        subscribe(event, presentity, requester.get());
      }
    }
  }

  /** Whether the policy lets {@code watcher} see {@code presentity}; empty when unknown. */
  private Optional<Boolean> allows(String presentity, String watcher) {
    try {
      return Optional.of(policy.allows(userOf(presentity), watcher));
    } catch (StoreException e) {
      LOG.error("Cannot read the watcher rules", e);
      return Optional.empty();
    }
  }

  private static String userOf(String addressOfRecord) {
    return addressOfRecord.substring("sip:".length(), addressOfRecord.lastIndexOf('@'));
  }

  private void subscribe(RequestEvent event, String presentity, String watcherUser) {
    Request request = event.getRequest();
    if (request.getHeader(ContactHeader.NAME) == null) {
      responses.sendStateless(request, Response.BAD_REQUEST, "SUBSCRIBE needs a Contact");
      return;
    }
    long granted = grantedExpires(request);
    ServerTransaction transaction = granted < 0 ? null : serverTransaction(event);
    if (transaction == null) {
      return;
    }
    RequestEventExt source = (RequestEventExt) event;
    String transport =
        ((ViaHeader) request.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
    Watch watch =
        new Watch(
            request,
            presentity,
            watcherUser,
            UUID.randomUUID().toString().substring(0, 10),
            new HopImpl(source.getRemoteIpAddress(), source.getRemotePort(), transport));
    if (granted > 0) {
      watch.expiresAt = clock.instant().plusSeconds(granted);
      watch.nextCseq = 1;
      try {
        // Kept before the 2xx, so a restart right after it still knows the dialog.
        kept.keep(watch);
      } catch (StoreException e) {
        LOG.error("Cannot keep a presence subscription", e);
        responses.send(
            transaction, responses.create(request, Response.SERVER_INTERNAL_ERROR, null));
        return;
      }
      watches.put(watch.key(), watch);
    }
    responses.send(transaction, subscribeOk(request, watch, granted));
    LOG.debug("{} watches {} for {} s", watch.watcher, presentity, granted);
    keepOrEnd(watch, granted);
  }

  /** A refresh (Expires > 0) or an unsubscribe (Expires: 0) inside the subscription's dialog. */
  void refresh(RequestEvent event) {
    Request request = event.getRequest();
    String toTag = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag();
    Watch watch = watches.get(Watch.key(callId(request), toTag));
    if (watch == null) {
      responses.sendStateless(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
      return;
    }
    long granted = grantedExpires(request);
    ServerTransaction transaction = granted < 0 ? null : serverTransaction(event);
    if (transaction == null) {
      return;
    }
    responses.send(transaction, subscribeOk(request, watch, granted));
    keepOrEnd(watch, granted);
  }

  void response(ResponseEvent event) {
    Watch watch = (Watch) event.getClientTransaction().getApplicationData();
    int status = event.getResponse().getStatusCode();
    if (status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST || status >= 400) {
      // RFC 6665 §4.2.2: the watcher no longer has the subscription.
      forget(watch);
    }
  }

  void timeout(TimeoutEvent event) {
    forget((Watch) event.getClientTransaction().getApplicationData());
  }

  @Override
  public void close() {
    timers.shutdownNow();
    watches.clear();
  }

  private void keepOrEnd(Watch watch, long granted) {
    if (watch.expiry != null) {
      watch.expiry.cancel(false);
    }
    if (granted == 0) {
      forget(watch);
      sendNotify(watch, "terminated", 0, null); // RFC 6665 §4.2.1.4: a final NOTIFY
      return;
    }
    watch.expiresAt = clock.instant().plusSeconds(granted);
    try {
      watch.expiry = timers.schedule(() -> expire(watch), granted, TimeUnit.SECONDS);
    } catch (RejectedExecutionException closing) {
      // A SUBSCRIBE that arrived while the server shuts down: it is kept on disk and resumes
      // at the next start, which sends no NOTIFY either (resume() is quiet).
      LOG.debug("Presence agent closing; {} resumes at the next start", watch.key());
      return;
    }
    notifyActiveOrRejected(watch, granted);
  }

  private void expire(Watch watch) {
    if (watches.remove(watch.key(), watch)) {
      kept.forget(watch.key());
      sendNotify(watch, "terminated", 0, "timeout");
    }
  }

  private void forget(Watch watch) {
    watches.remove(watch.key(), watch);
    kept.forget(watch.key());
    if (watch.expiry != null) {
      watch.expiry.cancel(false);
    }
  }

  private void notifyWatchers(String presentity, String event) {
    Instant now = clock.instant();
    for (Watch watch : watches.values()) {
      if (watch.presentity.equals(presentity) && watch.event.equals(event)) {
        long remaining =
            watch.expiry == null ? 0 : Math.max(1, watch.expiry.getDelay(TimeUnit.SECONDS));
        notifyActiveOrRejected(watch, remaining);
      }
    }
    LOG.debug("Notified the watchers of {} at {}", presentity, now);
  }

  /**
   * Sends the current state, unless the presentity has since blocked the watcher (or no longer
   * allows it): then the subscription ends with reason "rejected" (RFC 6665 §4.2.2), and a
   * well-behaved watcher does not try again.
   */
  private void notifyActiveOrRejected(Watch watch, long remainingSeconds) {
    if (!MWI_EVENT.equals(watch.event)
        && !allows(watch.presentity, watch.watcherUser).orElse(true)) {
      LOG.debug("{} may no longer watch {}", watch.watcherUser, watch.presentity);
      forget(watch);
      sendNotify(watch, "terminated", 0, "rejected");
      return;
    }
    sendNotify(watch, "active", remainingSeconds, null);
  }

  private synchronized void sendNotify(Watch watch, String state, long expires, String reason) {
    try {
      Request notify =
          PresenceNotify.build(
              sip,
              watch.presentityAddress,
              watch.localTag,
              watch.watcher,
              watch.watcherTag,
              watch.callId,
              watch.nextCseq++,
              watch.remoteTarget,
              watch.routeSet,
              watch.hop.getTransport(),
              watch.event,
              watch.eventId);
      SubscriptionStateHeader subscriptionState =
          sip.headers().createSubscriptionStateHeader(state);
      if (expires > 0) {
        subscriptionState.setExpires((int) expires);
      }
      if (reason != null) {
        subscriptionState.setReasonCode(reason);
      }
      notify.setHeader(subscriptionState);
      if ("rejected".equals(reason)) {
        // A watcher no longer allowed learns nothing more about the presentity.
        notify.setHeader(sip.headers().createContentLengthHeader(0));
      } else if (MWI_EVENT.equals(watch.event)) {
        notify.setContent(
            summaries.apply(watch.presentity),
            sip.headers().createContentTypeHeader("application", "simple-message-summary"));
      } else if (DIALOG_EVENT.equals(watch.event)) {
        notify.setContent(
            dialogs.document(watch.presentity, watch.version++),
            sip.headers().createContentTypeHeader("application", "dialog-info+xml"));
      } else {
        notify.setContent(
            store.document(watch.presentity, clock.instant()).orElse(Pidf.closed(watch.presentity)),
            sip.headers().createContentTypeHeader("application", "pidf+xml"));
      }
      // The CSeq is kept before the NOTIFY leaves: once the watcher has seen it, a restart must not
      // reuse it (a server closing right after the send never got to record it, and the restarted
      // one sent CSeq 1 again, which the watcher rejects).
      if ("active".equals(state)) {
        kept.advanced(watch);
      }
      Hop hop = watch.routeSet.isEmpty() ? watch.hop : firstRouteHop(watch);
      HopRouter.via(
          hop,
          () -> {
            ClientTransaction transaction = sip.provider().getNewClientTransaction(notify);
            transaction.setApplicationData(watch);
            transaction.sendRequest();
            return null;
          });
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Could not notify {} of {}: {}", watch.watcher, watch.presentity, e.getMessage());
      forget(watch);
    }
  }

  private Hop firstRouteHop(Watch watch) {
    SipURI first = (SipURI) watch.routeSet.get(0).getURI();
    String transport = first.getTransportParam() == null ? "udp" : first.getTransportParam();
    return new HopImpl(first.getHost(), first.getPort() > 0 ? first.getPort() : 5060, transport);
  }

  private Response subscribeOk(Request request, Watch watch, long granted) {
    Response ok = responses.create(request, Response.OK, null);
    try {
      ((ToHeader) ok.getHeader(ToHeader.NAME)).setTag(watch.localTag);
      ok.setHeader(sip.headers().createExpiresHeader((int) granted));
      ok.setHeader(PresenceNotify.contact(sip, watch.hop.getTransport()));
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalStateException("Cannot build a SUBSCRIBE response", e);
    }
    return ok;
  }

  /**
   * The expiry granted to a SUBSCRIBE: what it asked for, at most the maximum; -1 after answering
   * 423 to a non-zero expiry below the minimum.
   */
  private long grantedExpires(Request request) {
    Long expires = requestedExpires(request);
    long granted = expires == null ? MAX_EXPIRES_SECONDS : Math.min(expires, MAX_EXPIRES_SECONDS);
    if (granted > 0 && granted < MIN_EXPIRES_SECONDS) {
      rejectTooBrief(request);
      return -1;
    }
    return granted;
  }

  private void rejectTooBrief(Request request) {
    Response tooBrief = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
    try {
      tooBrief.setHeader(sip.headers().createMinExpiresHeader((int) MIN_EXPIRES_SECONDS));
    } catch (InvalidArgumentException e) {
      throw new IllegalStateException(e);
    }
    responses.sendStateless(tooBrief);
  }

  private ServerTransaction serverTransaction(RequestEvent event) {
    if (event.getServerTransaction() != null) {
      return event.getServerTransaction();
    }
    try {
      return sip.provider().getNewServerTransaction(event.getRequest());
    } catch (SipException e) {
      LOG.debug("No server transaction for a SUBSCRIBE (retransmission?): {}", e.getMessage());
      return null;
    }
  }

  static Long requestedExpires(Request request) {
    ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
    return expires == null ? null : (long) expires.getExpires();
  }

  private static String callId(Request request) {
    return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
  }
}

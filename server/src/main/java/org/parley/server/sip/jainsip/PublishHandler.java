package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.SIPIfMatchHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.presence.Pidf;
import org.parley.server.presence.PresenceStore;
import org.parley.server.presence.PublishOutcome;
import org.parley.server.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent's PUBLISH side (RFC 3903): checks a user's document about themselves, applies
 * it to the {@link PresenceStore}, answers, and reports each presentity whose state changed or
 * lapsed, so its watchers are notified. One timer per presentity waits for its earliest expiry.
 */
final class PublishHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PublishHandler.class);

  private final SipContext sip;
  private final Responses responses;
  private final PresenceStore store;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final Consumer<String> changed;
  private final Map<String, ScheduledFuture<?>> lapses = new ConcurrentHashMap<>();

  /**
   * @param changed told the presentity whose notified document may have changed
   */
  PublishHandler(
      SipContext sip,
      Responses responses,
      PresenceStore store,
      Clock clock,
      ScheduledExecutorService timers,
      Consumer<String> changed) {
    this.sip = sip;
    this.responses = responses;
    this.store = store;
    this.clock = clock;
    this.timers = timers;
    this.changed = changed;
  }

  /**
   * Takes up the publications kept before a restart, with their expiry timed on this server's
   * clock. Watchers are not notified: the resumed ones already have this state.
   */
  void resume() {
    Set<String> restored;
    try {
      restored = store.restore(clock.instant());
    } catch (StoreException e) {
      LOG.error("Cannot read the kept publications; users look offline until they republish", e);
      return;
    }
    restored.forEach(this::armLapse);
    LOG.info("Resumed the publications of {} presentities", restored.size());
  }

  void publish(Request request, String presentity, String publisher) {
    if (!presentity.equals("sip:" + publisher + "@" + sip.domain())) {
      responses.sendStateless(request, Response.FORBIDDEN, "You may only publish your own state");
      return;
    }
    byte[] body = request.getRawContent();
    if (body != null && body.length > 0) {
      ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
      if (type == null
          || !Pidf.CONTENT_TYPE.equalsIgnoreCase(
              type.getContentType() + "/" + type.getContentSubType())) {
        Response unsupported = responses.create(request, Response.UNSUPPORTED_MEDIA_TYPE, null);
        unsupported.setHeader(accept());
        responses.sendStateless(unsupported);
        return;
      }
      if (body.length > Pidf.MAX_BYTES) {
        // Refused before anything is stored: the database holds at most this much per publication.
        responses.sendStateless(request, Response.REQUEST_ENTITY_TOO_LARGE, null);
        return;
      }
      try {
        Pidf.check(body, presentity);
      } catch (IllegalArgumentException e) {
        responses.sendStateless(request, Response.BAD_REQUEST, e.getMessage());
        return;
      }
    } else {
      body = null;
    }
    SIPIfMatchHeader ifMatch = (SIPIfMatchHeader) request.getHeader(SIPIfMatchHeader.NAME);
    Instant now = clock.instant();
    // One that lapsed just now, before its timer ran, is a change the watchers must still see.
    boolean lapsed = store.sweep(presentity, now);
    PublishOutcome outcome =
        store.publish(
            presentity,
            ifMatch == null ? null : ifMatch.getETag(),
            body,
            PresenceAgent.requestedExpires(request),
            now);
    respond(request, outcome);
    if (outcome instanceof PublishOutcome.Published || outcome instanceof PublishOutcome.Removed) {
      armLapse(presentity);
    }
    if (lapsed
        || outcome instanceof PublishOutcome.Removed
        || (outcome instanceof PublishOutcome.Published && body != null)) {
      changed.accept(presentity);
    }
  }

  private void respond(Request request, PublishOutcome outcome) {
    try {
      if (outcome instanceof PublishOutcome.Published published) {
        Response ok = responses.create(request, Response.OK, null);
        ok.setHeader(sip.headers().createSIPETagHeader(published.entityTag()));
        ok.setHeader(sip.headers().createExpiresHeader((int) published.expiresSeconds()));
        responses.sendStateless(ok);
      } else if (outcome instanceof PublishOutcome.Removed) {
        responses.sendStateless(request, Response.OK, null);
      } else if (outcome instanceof PublishOutcome.UnknownEntityTag) {
        responses.sendStateless(request, Response.CONDITIONAL_REQUEST_FAILED, null);
      } else if (outcome instanceof PublishOutcome.IntervalTooBrief brief) {
        Response tooBrief = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
        tooBrief.setHeader(sip.headers().createMinExpiresHeader((int) brief.minExpiresSeconds()));
        responses.sendStateless(tooBrief);
      } else if (outcome instanceof PublishOutcome.NotStored) {
        responses.sendStateless(request, Response.SERVER_INTERNAL_ERROR, "State not stored");
      } else {
        responses.sendStateless(request, Response.BAD_REQUEST, "An initial PUBLISH needs a body");
      }
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalStateException("Cannot build a PUBLISH response", e);
    }
  }

  /** (Re)schedules the presentity's one timer for its earliest expiry, if it has publications. */
  private void armLapse(String presentity) {
    lapses.compute(
        presentity,
        (key, pending) -> {
          if (pending != null) {
            pending.cancel(false);
          }
          Optional<Duration> wait = store.untilNextExpiry(key, clock.instant());
          if (wait.isEmpty()) {
            return null;
          }
          try {
            return timers.schedule(
                () -> lapse(key), Math.max(1, wait.get().toMillis()), TimeUnit.MILLISECONDS);
          } catch (RejectedExecutionException closing) {
            return null; // the agent is closing: nobody is left to notify
          }
        });
  }

  private void lapse(String presentity) {
    try {
      if (store.sweep(presentity, clock.instant())) {
        changed.accept(presentity); // the lapse changes what the watchers are shown
      }
    } catch (RuntimeException e) {
      LOG.error("Failed to expire the publications of {}", presentity, e);
    } finally {
      // Also covers a timer that fired a little before the wall clock reached the expiry.
      armLapse(presentity);
    }
  }

  private Header accept() {
    try {
      return sip.headers().createAcceptHeader("application", "pidf+xml");
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}

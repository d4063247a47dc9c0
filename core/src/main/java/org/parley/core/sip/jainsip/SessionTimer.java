package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.SessionTimerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session timers (RFC 4028) for one INVITE dialog: the Session-Expires and Min-SE headers of our
 * requests and 2xx responses, who refreshes, and the two timers: the refresher re-INVITEs at half
 * the interval, the other side sends BYE when the interval runs out unrefreshed. Runs on the loop.
 */
final class SessionTimer {

  private static final Logger LOG = LoggerFactory.getLogger(SessionTimer.class);

  static final String SESSION_EXPIRES = "Session-Expires";
  static final String MIN_SE = "Min-SE";
  static final String TIMER = "timer";

  /** The 422 response's status (RFC 4028 §6). */
  static final int SESSION_INTERVAL_TOO_SMALL = 422;

  private final EventLoop loop;
  private final SessionTimerSettings settings;
  private final Runnable refresh;
  private final Runnable expire;
  private int requestedSeconds;
  private int minSeSeconds;
  private int intervalSeconds;
  private boolean weRefresh;
  private EventLoop.Cancellable pending;
  private boolean stopped;

  /**
   * @param refresh sends a refresh re-INVITE (it carries {@link #addToRequest}'s headers)
   * @param expire ends the dialog: the interval ran out without a refresh
   */
  SessionTimer(EventLoop loop, SessionTimerSettings settings, Runnable refresh, Runnable expire) {
    this.loop = loop;
    this.settings = settings;
    this.refresh = refresh;
    this.expire = expire;
    this.requestedSeconds = settings.sessionExpiresSeconds();
    this.minSeSeconds = settings.minSeSeconds();
  }

  /** The negotiated interval, or 0 before any 2xx. */
  int intervalSeconds() {
    return intervalSeconds;
  }

  boolean weRefresh() {
    return weRefresh;
  }

  /** Supported: timer, Session-Expires and Min-SE on an INVITE we send. */
  void addToRequest(Request request, HeaderFactory headers) throws ParseException {
    int asked = intervalSeconds > 0 ? intervalSeconds : requestedSeconds;
    String refresher = intervalSeconds > 0 && weRefresh ? ";refresher=uac" : "";
    InviteMessages.addSupported(request, headers, TIMER);
    request.setHeader(headers.createHeader(SESSION_EXPIRES, asked + refresher));
    request.setHeader(headers.createHeader(MIN_SE, Integer.toString(minSeSeconds)));
  }

  /** A copy of {@code invite} asking for the interval a 422 named; empty when none is larger. */
  Optional<Request> retryAfter(Response tooSmall, Request invite, HeaderFactory headers) {
    if (!raiseFor(tooSmall)) {
      return Optional.empty();
    }
    Request retry = (Request) invite.clone();
    try {
      addToRequest(retry, headers);
    } catch (ParseException e) {
      return Optional.empty();
    }
    return Optional.of(retry);
  }

  /**
   * After a 422 to our INVITE: asks again for at least the peer's Min-SE (RFC 4028 §7.4).
   *
   * @return whether a retry makes sense (the peer's Min-SE is above what we asked for)
   */
  boolean raiseFor(Response tooSmall) {
    OptionalInt theirs = deltaSeconds(tooSmall, MIN_SE);
    if (theirs.isEmpty() || theirs.getAsInt() <= requestedSeconds) {
      return false;
    }
    requestedSeconds = theirs.getAsInt();
    minSeSeconds = Math.max(minSeSeconds, theirs.getAsInt());
    return true;
  }

  /**
   * The Min-SE to answer 422 with when the INVITE's Session-Expires is below ours (RFC 4028 §8.1).
   */
  static OptionalInt tooSmall(Request invite, SessionTimerSettings settings) {
    OptionalInt asked = deltaSeconds(invite, SESSION_EXPIRES);
    return asked.isPresent() && asked.getAsInt() < settings.minSeSeconds()
        ? OptionalInt.of(settings.minSeSeconds())
        : OptionalInt.empty();
  }

  /**
   * Decides the interval and refresher for a 2xx we send to {@code request} (an INVITE or
   * re-INVITE), writes them into the 2xx and (re)starts the timer (RFC 4028 §9).
   */
  void answer(Request request, Response ok, HeaderFactory headers) throws ParseException {
    OptionalInt asked = deltaSeconds(request, SESSION_EXPIRES);
    boolean supported = supportsTimer(request);
    int floor = Math.max(deltaSeconds(request, MIN_SE).orElse(0), settings.minSeSeconds());
    int interval =
        Math.max(
            floor,
            Math.min(
                asked.orElse(settings.sessionExpiresSeconds()), settings.sessionExpiresSeconds()));
    String refresher = refresherOf(request).orElse(supported ? "uac" : "uas");
    ok.setHeader(headers.createHeader(SESSION_EXPIRES, interval + ";refresher=" + refresher));
    if (supported) {
      ok.setHeader(headers.createHeader("Require", TIMER));
    }
    start(interval, "uas".equals(refresher));
  }

  /** Reads the 2xx to an INVITE of ours and (re)starts the timer (RFC 4028 §7.2). */
  void answered(Response ok) {
    OptionalInt granted = deltaSeconds(ok, SESSION_EXPIRES);
    if (granted.isEmpty()) {
      // The peer does not do session timers: we keep the session alive ourselves.
      start(requestedSeconds, true);
      return;
    }
    start(granted.getAsInt(), !"uas".equals(refresherOf(ok).orElse("uac")));
  }

  /** Stops both timers for good (the dialog ended). */
  void stop() {
    stopped = true;
    cancel();
  }

  private void start(int seconds, boolean refresher) {
    if (stopped) {
      return;
    }
    cancel();
    intervalSeconds = seconds;
    weRefresh = refresher;
    // RFC 4028 §10: refresh at half the interval; without a refresh, BYE at the interval less
    // a third of it or 32 s, whichever is smaller.
    long delaySeconds = refresher ? seconds / 2 : seconds - Math.min(32, seconds / 3);
    pending =
        loop.schedule(Duration.ofSeconds(delaySeconds), refresher ? this::refreshDue : expire);
    LOG.debug(
        "Session interval {} s; we {}", seconds, refresher ? "refresh" : "wait for refreshes");
  }

  private void refreshDue() {
    if (!stopped) {
      refresh.run();
    }
  }

  private void cancel() {
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  /** The delta-seconds of a Session-Expires or Min-SE header, ignoring its parameters. */
  static OptionalInt deltaSeconds(Message message, String name) {
    String value = value(message.getHeader(name));
    if (value == null) {
      return OptionalInt.empty();
    }
    String delta = value.split(";", 2)[0].trim();
    try {
      int seconds = Integer.parseInt(delta);
      return seconds > 0 ? OptionalInt.of(seconds) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }

  static java.util.Optional<String> refresherOf(Message message) {
    String value = value(message.getHeader(SESSION_EXPIRES));
    if (value == null) {
      return java.util.Optional.empty();
    }
    for (String parameter : value.split(";")) {
      String[] pair = parameter.trim().split("=", 2);
      if (pair.length == 2 && "refresher".equalsIgnoreCase(pair[0].trim())) {
        String who = pair[1].trim().toLowerCase(Locale.ROOT);
        if (who.equals("uac") || who.equals("uas")) {
          return java.util.Optional.of(who);
        }
      }
    }
    return java.util.Optional.empty();
  }

  static boolean supportsTimer(Message message) {
    ListIterator<?> supported = message.getHeaders("Supported");
    while (supported.hasNext()) {
      String value = value((Header) supported.next());
      if (value != null) {
        for (String tag : value.split(",")) {
          if (TIMER.equalsIgnoreCase(tag.trim())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // The text after "Name:", whichever header class jain-sip parsed it into.
  private static String value(Header header) {
    if (header == null) {
      return null;
    }
    String text = header.toString();
    int colon = text.indexOf(':');
    return colon < 0 ? null : text.substring(colon + 1).trim();
  }
}

package org.parley.core.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.account.RegistrationEvent.Unregistered;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterResult.Accepted;
import org.parley.core.sip.RegisterResult.Rejected;
import org.parley.core.sip.RegisterResult.TransportFailed;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.SipUserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's registration state machine (RFC 3261 §10.2, RFC 5626 §4.5 backoff): registers,
 * refreshes before expiry, retries with backoff, re-registers when the network or the NAT binding
 * changes, and un-REGISTERs. Runs only on the core's loop.
 */
final class Registration {

  private static final Logger LOG = LoggerFactory.getLogger(Registration.class);

  private final Account account;
  private final SipUserAgent sip;
  private final EventLoop loop;
  private final RegistrationTiming timing;
  private final RegisterSession session;

  private RegistrationState state = RegistrationState.IDLE;
  private boolean wanted;
  private boolean bound;
  private int attempt;
  private int consecutiveFailures;
  private int requestedExpiresSeconds;
  private Cancellable timer;
  private Cancellable keepAlive;
  private Optional<String> reflexiveAddress = Optional.empty();
  private CompletableFuture<Void> unregistered = CompletableFuture.completedFuture(null);

  Registration(Account account, SipUserAgent sip, EventLoop loop, RegistrationTiming timing) {
    this.account = account;
    this.sip = sip;
    this.loop = loop;
    this.timing = timing;
    this.session = new RegisterSession(account.config());
    this.requestedExpiresSeconds = account.config().expiresSeconds();
  }

  RegisterSession session() {
    return session;
  }

  RegistrationState state() {
    return state;
  }

  void start() {
    wanted = true;
    consecutiveFailures = 0;
    send();
  }

  /** A local address came or went: the old flow may be dead, so register again at once. */
  void networkChanged() {
    if (wanted && state != RegistrationState.REGISTERING) {
      LOG.info("Network changed; registering {} again", account.addressOfRecord());
      consecutiveFailures = 0;
      send();
    }
  }

  /** Stops refreshing and removes the binding; completes when the registrar answered (or not). */
  CompletableFuture<Void> stop() {
    wanted = false;
    cancelTimers();
    if (state == RegistrationState.UNREGISTERING) {
      return unregistered;
    }
    attempt++; // a REGISTER still in flight no longer matters
    if (!bound && state != RegistrationState.REGISTERING) {
      state = RegistrationState.IDLE;
      return CompletableFuture.completedFuture(null);
    }
    state = RegistrationState.UNREGISTERING;
    unregistered = new CompletableFuture<>();
    int id = attempt;
    sip.register(session, 0, result -> onUnregisterResult(id, result));
    return unregistered;
  }

  private void send() {
    cancelTimers();
    state = RegistrationState.REGISTERING;
    int id = ++attempt;
    sip.register(session, requestedExpiresSeconds, result -> onResult(id, result));
  }

  private void onResult(int id, RegisterResult result) {
    if (id != attempt) {
      return; // superseded by a newer attempt or an un-REGISTER
    }
    if (result instanceof Accepted accepted) {
      onAccepted(accepted);
    } else if (result instanceof Rejected rejected) {
      onRejected(rejected);
    } else if (result instanceof TransportFailed failed) {
      onTransportFailed(failed);
    }
  }

  private void onAccepted(Accepted accepted) {
    accepted.realm().ifPresent(session.challengePolicy()::learnRealm);
    // Over TCP/TLS every new connection comes from a new ephemeral port, so a changed rport there
    // is no NAT rebinding (a rebinding breaks the connection, which the flow checks catch).
    boolean rebound =
        !account.config().transport().reliable()
            && reflexiveAddress.isPresent()
            && accepted.reflexiveAddress().isPresent()
            && !reflexiveAddress.equals(accepted.reflexiveAddress());
    reflexiveAddress = accepted.reflexiveAddress();
    bound = true;
    consecutiveFailures = 0;
    state = RegistrationState.REGISTERED;
    int expires = Math.max(1, accepted.expiresSeconds());
    Registered registered = new Registered(account, expires, accepted.contacts());
    if (rebound) {
      // RFC 5626 §4.4: our public address changed (NAT rebinding); the registrar's binding
      // points at the old one until we register again.
      LOG.info("NAT binding of {} changed; registering again", account.addressOfRecord());
      account.emit(registered);
      send();
      return;
    }
    // Timers first: a listener that reacts to the event sees the refresh already planned.
    timer = loop.schedule(timing.refreshAfter(expires), this::send);
    scheduleKeepAlive();
    account.emit(registered);
  }

  private void onRejected(Rejected rejected) {
    int status = rejected.statusCode();
    if (status == 423 && rejected.minExpiresSeconds().isPresent()) {
      int minimum = rejected.minExpiresSeconds().get();
      if (minimum > requestedExpiresSeconds) {
        requestedExpiresSeconds = minimum;
        send();
        return;
      }
    }
    boolean credentials =
        status == 403 || ((status == 401 || status == 407) && rejected.afterCredentials());
    if (credentials) {
      fail(
          FailureCause.WRONG_CREDENTIALS,
          "The server refused the user name or password (" + statusText(rejected) + ")",
          status,
          Optional.empty());
      return;
    }
    String reason =
        status == 404
            ? "The server does not know this account (" + statusText(rejected) + ")"
            : "The server refused the registration (" + statusText(rejected) + ")";
    Optional<Duration> serverWait = rejected.retryAfterSeconds().map(Duration::ofSeconds);
    fail(FailureCause.REJECTED, reason, status, Optional.of(serverWait.orElse(backoff())));
  }

  private void onTransportFailed(TransportFailed failed) {
    FailureCause cause =
        switch (failed.kind()) {
          case UNREACHABLE -> FailureCause.UNREACHABLE;
          case TIMEOUT -> FailureCause.TIMEOUT;
          case TLS_CERTIFICATE -> FailureCause.TLS_CERTIFICATE;
        };
    fail(cause, failed.detail(), 0, Optional.of(backoff()));
  }

  private Duration backoff() {
    consecutiveFailures++;
    return timing.retryAfter(consecutiveFailures);
  }

  private void fail(FailureCause cause, String reason, int status, Optional<Duration> retryIn) {
    cancelTimers();
    state = RegistrationState.FAILED;
    LOG.info("Registration of {} failed: {}", account.addressOfRecord(), reason);
    retryIn.ifPresent(wait -> timer = loop.schedule(wait, this::send));
    account.emit(new RegistrationFailed(account, cause, reason, status, retryIn));
  }

  private void onUnregisterResult(int id, RegisterResult result) {
    if (id != attempt) {
      return;
    }
    bound = false;
    state = RegistrationState.IDLE;
    if (result instanceof Accepted) {
      account.emit(new Unregistered(account));
    } else {
      LOG.info("Un-REGISTER of {} got no 2xx: {}", account.addressOfRecord(), result);
    }
    unregistered.complete(null);
  }

  private void flowFailed() {
    if (wanted && state == RegistrationState.REGISTERED) {
      LOG.info("The flow of {} broke; registering again", account.addressOfRecord());
      send();
    }
  }

  private void scheduleKeepAlive() {
    Duration interval = account.config().keepAliveInterval();
    if (interval.isZero() || interval.isNegative()) {
      return;
    }
    keepAlive =
        loop.schedule(
            interval,
            () -> {
              if (state == RegistrationState.REGISTERED) {
                sip.sendKeepAlive(session, this::flowFailed);
                scheduleKeepAlive();
              }
            });
  }

  private void cancelTimers() {
    if (timer != null) {
      timer.cancel();
      timer = null;
    }
    if (keepAlive != null) {
      keepAlive.cancel();
      keepAlive = null;
    }
  }

  private static String statusText(Rejected rejected) {
    return rejected.statusCode() + " " + rejected.reasonPhrase();
  }
}

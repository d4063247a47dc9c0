package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterResult.Accepted;
import org.parley.core.sip.RegisterResult.Kind;
import org.parley.core.sip.RegisterResult.Rejected;
import org.parley.core.sip.RegisterResult.TransportFailed;
import org.parley.core.sip.RegisterSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends REGISTERs (RFC 3261 §10.2), answers our own server's digest challenge once per attempt
 * (again only for a stale nonce), and turns responses, timeouts and I/O errors into {@link
 * RegisterResult}s. Runs on the core's loop.
 */
final class RegisterClient {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterClient.class);
  private static final long MIN_PING_SPACING_NANOS = 1_000_000_000L;

  private final SipFactories sip;
  private final RegisterRequests requests;
  private final EventLoop loop;
  private final ChallengeAnswers challenges;
  private final Map<ClientTransaction, Pending> pending = new HashMap<>();
  // Set by the trust manager on the thread doing the handshake, read on the loop.
  private final AtomicReference<String> tlsRefusal = new AtomicReference<>();
  // Accounts to tell when a keep-alive flow fails, by "transport:peer-ip:port".
  private final Map<String, Map<RegisterSession, Runnable>> watchedFlows = new HashMap<>();
  // When a CRLF ping last went out on each flow (System.nanoTime).
  private final Map<String, Long> lastPingNanos = new HashMap<>();

  /** One REGISTER attempt across its challenge round trips. */
  private static final class Pending {
    final RegisterSession session;
    final int expiresSeconds;
    final Consumer<RegisterResult> done;
    int answers;
    Optional<String> realm = Optional.empty();

    Pending(RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done) {
      this.session = session;
      this.expiresSeconds = expiresSeconds;
      this.done = done;
    }
  }

  RegisterClient(SipFactories sip, EventLoop loop) {
    this.sip = sip;
    this.requests = new RegisterRequests(sip);
    this.challenges = new ChallengeAnswers(sip);
    this.loop = loop;
  }

  void register(RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done) {
    send(new Pending(session, expiresSeconds, done), Optional.empty());
  }

  private void send(Pending attempt, Optional<Header> authorization) {
    AccountConfig account = attempt.session.account();
    ClientTransaction transaction;
    try {
      Request request = requests.build(attempt.session, attempt.expiresSeconds);
      authorization.ifPresent(request::addHeader);
      transaction = sip.provider().getNewClientTransaction(request);
      pending.put(transaction, attempt);
      LOG.debug(
          "REGISTER {} expires={} via {}",
          account.addressOfRecord(),
          attempt.expiresSeconds,
          account.transport());
      transaction.sendRequest();
    } catch (SipException e) {
      pending.values().remove(attempt);
      RegisterResult failure = connectionFailed(account, e.getMessage());
      // Reported from a later task, so the caller never sees its callback run inside its call.
      loop.execute(() -> attempt.done.accept(failure));
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalStateException("Cannot build a REGISTER for " + account, e);
    }
  }

  void onResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    Pending attempt = transaction == null ? null : pending.get(transaction);
    Response response = event.getResponse();
    LOG.debug(
        "Response {} to {} (ours: {})", response.getStatusCode(), transaction, attempt != null);
    if (attempt == null || response.getStatusCode() < 200) {
      return; // provisional, or a stray the stack matched to no REGISTER of ours
    }
    pending.remove(transaction);
    int status = response.getStatusCode();
    if (status >= 200 && status < 300) {
      attempt.done.accept(accepted(attempt, response));
      return;
    }
    if ((status == 401 || status == 407) && answerChallenge(attempt, response)) {
      return;
    }
    attempt.done.accept(
        new Rejected(
            status,
            response.getReasonPhrase(),
            attempt.answers > 0,
            Optional.ofNullable((RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME))
                .map(RetryAfterHeader::getRetryAfter),
            Optional.ofNullable((MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME))
                .map(MinExpiresHeader::getExpires)));
  }

  private boolean answerChallenge(Pending attempt, Response response) {
    Optional<ChallengeAnswers.Answer> answer =
        challenges.answer(
            attempt.session,
            response,
            Request.REGISTER,
            requests.requestUri(attempt.session.account()).toString(),
            false,
            attempt.answers);
    if (answer.isEmpty()) {
      return false;
    }
    attempt.answers++;
    attempt.realm = Optional.of(answer.get().realm());
    send(attempt, Optional.of(answer.get().header()));
    return true;
  }

  private Accepted accepted(Pending attempt, Response response) {
    SipURI ours = requests.contactUri(attempt.session.account());
    int expires = -1;
    List<String> contacts = new ArrayList<>();
    ListIterator<?> headers = response.getHeaders(ContactHeader.NAME);
    while (headers.hasNext()) {
      ContactHeader contact = (ContactHeader) headers.next();
      contacts.add(contact.getAddress().getURI().toString());
      if (contact.getAddress().getURI() instanceof SipURI uri && sameBinding(uri, ours)) {
        expires = contact.getExpires();
      }
    }
    if (expires < 0) {
      ExpiresHeader header = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
      expires = header != null ? header.getExpires() : attempt.expiresSeconds;
    }
    return new Accepted(expires, contacts, reflexiveAddress(response), attempt.realm);
  }

  private static boolean sameBinding(SipURI a, SipURI b) {
    return a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort()
        && String.valueOf(a.getUser()).equals(String.valueOf(b.getUser()));
  }

  // RFC 3581: the address and port the registrar saw our REGISTER come from.
  private static Optional<String> reflexiveAddress(Response response) {
    ViaHeader via = (ViaHeader) response.getHeader(ViaHeader.NAME);
    if (via == null || via.getRPort() <= 0) {
      return Optional.empty();
    }
    String host = via.getReceived() != null ? via.getReceived() : via.getHost();
    return Optional.of(host + ":" + via.getRPort());
  }

  void onTimeout(TimeoutEvent event) {
    Pending attempt =
        event.getClientTransaction() == null ? null : pending.remove(event.getClientTransaction());
    if (attempt != null) {
      ServerAddress hop = attempt.session.account().firstHop();
      attempt.done.accept(
          new TransportFailed(Kind.TIMEOUT, "The server at " + hop + " did not answer"));
    }
  }

  /** The connection to a server failed: every REGISTER waiting on it fails now. */
  void onIoException(IOExceptionEvent event) {
    LOG.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    failWhere(
        attempt -> {
          AccountConfig account = attempt.session.account();
          String host = account.firstHop().host();
          // A host name cannot be compared with the event's address without DNS: assume it.
          boolean sameHost = host.equals(event.getHost()) || !isIpLiteral(host);
          return sameHost
              && account.transport().token().equalsIgnoreCase(event.getTransport())
              && account.firstHop().port() == event.getPort();
        },
        attempt -> connectionFailed(attempt.session.account(), "the connection failed"));
    // After the failures above, so the REGISTER this sends on a new connection is not among them.
    String flow = flowKey(event.getTransport(), event.getHost(), event.getPort());
    lastPingNanos.remove(flow);
    Map<RegisterSession, Runnable> failed = watchedFlows.remove(flow);
    if (failed != null) {
      // A missing pong (jain-sip closed the connection) or a broken socket.
      failed.values().forEach(Runnable::run);
    }
  }

  /**
   * Runs {@code flowFailed} if the connection to {@code peerIp:port} fails or misses a pong.
   *
   * @return whether a ping should go out now: not if one went out on this flow in the last second,
   *     since pongs are not matched to pings and two arriving together read as a ping from the
   *     server (RFC 5626 §4.4.1's double CRLF)
   */
  boolean watchFlow(
      RegisterSession session, String transport, String peerIp, int port, Runnable flowFailed) {
    String flow = flowKey(transport, peerIp, port);
    watchedFlows.computeIfAbsent(flow, key -> new HashMap<>()).put(session, flowFailed);
    long now = System.nanoTime();
    Long last = lastPingNanos.get(flow);
    if (last != null && now - last < MIN_PING_SPACING_NANOS) {
      return false;
    }
    lastPingNanos.put(flow, now);
    return true;
  }

  private static boolean isIpLiteral(String host) {
    return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
  }

  private static String flowKey(String transport, String host, int port) {
    return transport.toLowerCase(java.util.Locale.ROOT) + ":" + host + ":" + port;
  }

  /** Notes why the trust manager refused a server; called on the handshake's thread. */
  void tlsRefused(String reason) {
    tlsRefusal.set(reason);
  }

  // A failed TLS connection reports the certificate problem the trust manager saw, if any.
  private RegisterResult connectionFailed(AccountConfig account, String detail) {
    String refusal = account.transport() == Transport.TLS ? tlsRefusal.getAndSet(null) : null;
    return refusal != null
        ? new TransportFailed(Kind.TLS_CERTIFICATE, refusal)
        : unreachable(account, detail);
  }

  private void failWhere(
      java.util.function.Predicate<Pending> affected,
      java.util.function.Function<Pending, RegisterResult> result) {
    List<Map.Entry<ClientTransaction, Pending>> failed = new ArrayList<>();
    for (Map.Entry<ClientTransaction, Pending> entry : pending.entrySet()) {
      if (affected.test(entry.getValue())) {
        failed.add(entry);
      }
    }
    for (Map.Entry<ClientTransaction, Pending> entry : failed) {
      pending.remove(entry.getKey());
      entry.getValue().done.accept(result.apply(entry.getValue()));
    }
  }

  private static TransportFailed unreachable(AccountConfig account, String detail) {
    return new TransportFailed(
        Kind.UNREACHABLE,
        "The server at "
            + account.firstHop()
            + " cannot be reached over "
            + account.transport()
            + " ("
            + detail
            + ")");
  }
}

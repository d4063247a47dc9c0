package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.RequestEventExt;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.Header;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.UserAgentHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.registrar.ContactRequest;
import org.parley.server.registrar.RegisterOutcome;
import org.parley.server.registrar.RegisterRequest;
import org.parley.server.registrar.Registrar;
import org.parley.server.store.Binding;
import org.parley.server.store.StoreBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar's SIP side (RFC 3261 §10.3): authenticates, turns the REGISTER into a {@link
 * RegisterRequest}, and answers statelessly once the bindings are on disk. REGISTER is idempotent,
 * but its credentials are single-use: a retransmission must not be authenticated again (it would
 * get a 401 stale). So one that arrives while the first copy's 200 waits for the disk is dropped,
 * and one that arrives after the 200 gets that same 200 again, as a server transaction would.
 */
final class RegisterHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);

  /** Bounds the set below even if the disk stalls under a flood of registrations. */
  private static final int MAX_AWAITING_DISK = 65_536;

  private final SipContext sip;
  private final Responses responses;
  private final SipAuthentication authentication;
  private final Registrar registrar;
  private final Clock clock;
  private final DateHeaders dates;

  /** How long a 200 is kept for retransmissions: Timer J, 64 × T1 (RFC 3261 §17.2.2). */
  private static final Duration ANSWER_KEPT = Duration.ofSeconds(32);

  /** How long a client should wait after a 503 for overload. */
  private static final int RETRY_AFTER_SECONDS = 5;

  private final AtomicReference<Instant> lastOverloadLog = new AtomicReference<>();

  /** Told of each address-of-record's contacts once a REGISTER for it is on disk and answered. */
  private final BiConsumer<String, List<Binding>> registered;

  /** Transaction keys (RFC 3261 §17.2.3) of accepted REGISTERs whose 200 waits for the disk. */
  private final Set<String> awaitingDisk = ConcurrentHashMap.newKeySet();

  /** Recently sent 200s by transaction key, for retransmissions that arrive after them. */
  private final RecentAnswers answered;

  RegisterHandler(
      SipContext sip,
      Responses responses,
      SipAuthentication authentication,
      Registrar registrar,
      Clock clock,
      BiConsumer<String, List<Binding>> registered) {
    this.registered = registered;
    this.answered = new RecentAnswers(MAX_AWAITING_DISK, ANSWER_KEPT, this::parseResponse);
    this.sip = sip;
    this.responses = responses;
    this.authentication = authentication;
    this.registrar = registrar;
    this.clock = clock;
    this.dates = new DateHeaders(sip.headers(), clock);
  }

  void handle(RequestEvent event) {
    Request request = event.getRequest();
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    if (!(to.getAddress().getURI() instanceof SipURI toUri) || toUri.getUser() == null) {
      responses.sendStateless(request, Response.BAD_REQUEST, "To must be a SIP URI with a user");
      return;
    }
    if (!sip.isLocal(request.getRequestURI()) || !sip.isLocal(toUri)) {
      responses.sendStateless(request, Response.FORBIDDEN, "Not a domain of this registrar");
      return;
    }
    String transaction = transactionKey(request);
    if (awaitingDisk.contains(transaction)) {
      LOG.debug("Dropped a REGISTER retransmission; its 200 follows once the disk has it");
      return;
    }
    Optional<Response> earlier = answered.find(transaction, clock.instant());
    if (earlier.isPresent()) {
      responses.sendStateless(earlier.get());
      return;
    }
    Optional<String> user = authentication.authenticate(request, responses::sendStateless);
    if (user.isEmpty()) {
      return;
    }
    if (!user.get().equals(toUri.getUser())) {
      responses.sendStateless(
          request, Response.FORBIDDEN, "You may only register your own address");
      return;
    }
    RegisterRequest registration;
    try {
      registration = registration(event, SipContext.addressOfRecord(toUri));
    } catch (IllegalArgumentException e) {
      responses.sendStateless(request, Response.BAD_REQUEST, e.getMessage());
      return;
    }
    RegisterOutcome outcome = registrar.register(registration);
    respond(request, outcome, transaction, registration.aor());
  }

  /**
   * The bindings could not be stored: 503 with Retry-After when the store is only busy (overload,
   * RFC 3261 §21.5.4), 500 when it failed. Overload is logged at most once a minute, so a flood of
   * registrations cannot also flood the log.
   */
  private void refuse(Request request, Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof StoreBusyException) {
      Instant now = clock.instant();
      Instant last = lastOverloadLog.get();
      if (last == null || last.plusSeconds(60).isBefore(now)) {
        lastOverloadLog.set(now);
        LOG.warn(
            "Registrations arrive faster than they can be stored; answering 503: {}",
            cause.getMessage());
      }
      Response busy = responses.create(request, Response.SERVICE_UNAVAILABLE, "Busy, retry later");
      try {
        busy.setHeader(sip.headers().createRetryAfterHeader(RETRY_AFTER_SECONDS));
      } catch (InvalidArgumentException e) {
        throw new IllegalStateException(e);
      }
      responses.sendStateless(busy);
      return;
    }
    LOG.error("Could not store the bindings; answering 500", cause);
    responses.sendStateless(
        request, Response.SERVER_INTERNAL_ERROR, "Could not store the registration");
  }

  private Optional<Response> parseResponse(String text) {
    try {
      return Optional.of(sip.messages().createResponse(text));
    } catch (ParseException e) {
      LOG.warn("A 200 we sent no longer parses; treating the retransmission as new", e);
      return Optional.empty();
    }
  }

  /** Branch, sent-by and CSeq: what makes a request a retransmission of another. */
  private static String transactionKey(Request request) {
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    return via.getBranch()
        + '|'
        + via.getHost()
        + ':'
        + via.getPort()
        + '|'
        + ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId()
        + '|'
        + ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
  }

  private void respond(Request request, RegisterOutcome outcome, String transaction, String aor) {
    if (outcome instanceof RegisterOutcome.IntervalTooBrief brief) {
      Response response = responses.create(request, Response.INTERVAL_TOO_BRIEF, null);
      try {
        MinExpiresHeader minExpires =
            sip.headers().createMinExpiresHeader(brief.minExpiresSeconds());
        response.setHeader(minExpires);
      } catch (InvalidArgumentException e) {
        throw new IllegalStateException(e);
      }
      responses.sendStateless(response);
    } else if (outcome instanceof RegisterOutcome.Rejected rejected) {
      responses.sendStateless(request, rejected.statusCode(), rejected.reasonPhrase());
    } else {
      RegisterOutcome.Accepted accepted = (RegisterOutcome.Accepted) outcome;
      if (awaitingDisk.size() < MAX_AWAITING_DISK) {
        awaitingDisk.add(transaction);
      }
      // The 200 OK promises the bindings survive a crash, so it waits for the disk.
      accepted
          .persisted()
          .whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  refuse(request, failure);
                } else {
                  Response ok = ok(request, accepted.bindings());
                  answered.remember(transaction, ok, clock.instant());
                  responses.sendStateless(ok);
                  registered.accept(aor, accepted.bindings());
                }
                awaitingDisk.remove(transaction);
              });
    }
  }

  private Response ok(Request request, List<Binding> bindings) {
    Response response = responses.create(request, Response.OK, null);
    try {
      for (Binding binding : bindings) {
        long remaining =
            Math.max(0, Duration.between(clock.instant(), binding.expiresAt()).toSeconds());
        String value =
            "<" + binding.contactUri() + ">" + binding.contactParams() + ";expires=" + remaining;
        response.addHeader(sip.headers().createHeader(ContactHeader.NAME, value));
      }
      ListIterator<Header> paths = request.getHeaders("Path");
      while (paths != null && paths.hasNext()) {
        response.addHeader(paths.next());
      }
      response.setHeader(dates.now());
    } catch (ParseException e) {
      throw new IllegalStateException("A stored contact no longer parses", e);
    }
    return response;
  }

  private RegisterRequest registration(RequestEvent event, String aor) {
    Request request = event.getRequest();
    ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
    Integer expiresHeader = expires == null ? null : expires.getExpires();
    boolean wildcard = false;
    List<ContactRequest> contacts = new ArrayList<>();
    ListIterator<Header> contactHeaders = request.getHeaders(ContactHeader.NAME);
    while (contactHeaders != null && contactHeaders.hasNext()) {
      ContactHeader contact = (ContactHeader) contactHeaders.next();
      if (contact.isWildCard()) {
        wildcard = true;
        continue;
      }
      contacts.add(contactRequest(contact));
    }
    if (wildcard && !contacts.isEmpty()) {
      throw new IllegalArgumentException("Contact: * cannot be combined with other contacts");
    }
    List<String> path = new ArrayList<>();
    ListIterator<Header> paths = request.getHeaders("Path");
    while (paths != null && paths.hasNext()) {
      String header = paths.next().toString();
      path.add(header.substring(header.indexOf(':') + 1).strip());
    }
    ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
    RequestEventExt source = (RequestEventExt) event;
    UserAgentHeader userAgent = (UserAgentHeader) request.getHeader(UserAgentHeader.NAME);
    return new RegisterRequest(
        aor,
        wildcard,
        contacts,
        expiresHeader,
        ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
        ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber(),
        path,
        via.getTransport().toUpperCase(Locale.ROOT),
        source.getRemoteIpAddress(),
        source.getRemotePort(),
        userAgent == null ? null : String.join(" ", toStrings(userAgent.getProduct())));
  }

  private static ContactRequest contactRequest(ContactHeader contact) {
    StringBuilder params = new StringBuilder();
    Iterator<String> names = contact.getParameterNames();
    while (names.hasNext()) {
      String name = names.next();
      if (name.equalsIgnoreCase("expires") || name.equalsIgnoreCase("q")) {
        continue;
      }
      String value = contact.getParameter(name);
      params.append(';').append(name);
      if (value != null && !value.isEmpty()) {
        boolean quoted = name.startsWith("+") && !value.startsWith("\"");
        params.append('=').append(quoted ? "\"" + value + "\"" : value);
      }
    }
    int expires = contact.getExpires();
    float q = contact.getQValue();
    return new ContactRequest(
        contact.getAddress().getURI().toString(),
        params.toString(),
        expires < 0 ? null : expires,
        q < 0 ? -1 : Math.round(q * 1000));
  }

  private static List<String> toStrings(Iterator<?> values) {
    List<String> strings = new ArrayList<>();
    values.forEachRemaining(value -> strings.add(String.valueOf(value)));
    return strings;
  }
}

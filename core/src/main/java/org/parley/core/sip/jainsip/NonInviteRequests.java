package org.parley.core.sip.jainsip;

import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.stack.SIPTransaction;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.account.AccountConfig;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestIds;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests outside INVITE dialogs: sends MESSAGE, PUBLISH and SUBSCRIBE (answering our own server's
 * challenge as {@link ChallengeAnswers} allows) and hands incoming MESSAGE and NOTIFY requests to
 * the core, answering with the status it returns. Runs on the core's loop.
 */
final class NonInviteRequests {

  private static final Logger LOG = LoggerFactory.getLogger(NonInviteRequests.class);
  private static final int MAX_FORWARDS = 70;

  /** One request across its challenge round trips. */
  private static final class Pending {
    final RegisterSession session;
    final Request request;
    final Consumer<RequestOutcome> done;
    final int answers;

    Pending(RegisterSession session, Request request, Consumer<RequestOutcome> done, int answers) {
      this.session = session;
      this.request = request;
      this.done = done;
      this.answers = answers;
    }
  }

  private final SipFactories sip;
  private final EventLoop loop;
  private final RegisterRequests registerRequests;
  private final ChallengeAnswers challenges;
  // By "METHOD" or "METHOD event-package".
  private final Map<String, Function<IncomingRequest, Integer>> handlers = new HashMap<>();

  NonInviteRequests(SipFactories sip, EventLoop loop) {
    this.sip = sip;
    this.loop = loop;
    this.registerRequests = new RegisterRequests(sip);
    this.challenges = new ChallengeAnswers(sip);
  }

  void onIncoming(String method, String eventPackage, Function<IncomingRequest, Integer> handler) {
    handlers.put(key(method, eventPackage), handler);
  }

  /** Whether an incoming request is one a handler was registered for. */
  boolean claims(Request request) {
    return handlers.containsKey(key(request));
  }

  void send(RegisterSession session, OutgoingRequest outgoing, Consumer<RequestOutcome> done) {
    Request request;
    try {
      request = build(session.account(), outgoing);
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalArgumentException(
          "Cannot send a " + outgoing.method() + " to " + outgoing.requestUri() + ": " + e, e);
    }
    send(new Pending(session, request, done, 0));
  }

  private void send(Pending pending) {
    try {
      ClientTransaction transaction = sip.provider().getNewClientTransaction(pending.request);
      transaction.setApplicationData(pending);
      transaction.sendRequest();
    } catch (SipException e) {
      LOG.info("A {} could not be sent: {}", pending.request.getMethod(), e.getMessage());
      RequestOutcome failure =
          RequestOutcome.localFailure(503, "Could not send: " + e.getMessage(), cseq(pending));
      // Reported from a later task, so the caller never sees its callback run inside its call.
      loop.execute(() -> pending.done.accept(failure));
    }
  }

  private Request build(AccountConfig account, OutgoingRequest outgoing)
      throws ParseException, InvalidArgumentException {
    ViaHeader via = registerRequests.via(account);
    RequestIds ids = outgoing.ids();
    Address from = sip.addresses().createAddress(account.addressOfRecord());
    Address to = sip.addresses().createAddress(outgoing.toUri());
    Request request =
        sip.messages()
            .createRequest(
                sip.addresses().createURI(outgoing.requestUri()),
                outgoing.method(),
                sip.headers().createCallIdHeader(ids.callId()),
                sip.headers().createCSeqHeader(ids.cseq(), outgoing.method()),
                sip.headers().createFromHeader(from, ids.localTag()),
                sip.headers().createToHeader(to, ids.remoteTag().orElse(null)),
                List.of(via),
                sip.headers().createMaxForwardsHeader(MAX_FORWARDS));
    if (ids.inDialog()) {
      for (String route : ids.routeSet()) {
        request.addHeader(sip.headers().createRouteHeader(sip.addresses().createAddress(route)));
      }
    } else {
      // Through the account's first hop, which authenticates us (a preloaded loose route).
      request.addHeader(
          sip.headers()
              .createRouteHeader(
                  sip.addresses()
                      .createAddress(registerRequests.hopUri(account.firstHop(), account))));
    }
    if (Request.SUBSCRIBE.equals(outgoing.method())) {
      // The subscription's NOTIFYs come here (RFC 6665 §4.1.2).
      request.addHeader(
          sip.headers()
              .createContactHeader(
                  sip.addresses().createAddress(registerRequests.contactUri(account))));
    }
    request.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgentName())));
    for (SipHeader header : outgoing.headers()) {
      request.addHeader(sip.headers().createHeader(header.name(), header.value()));
    }
    if (outgoing.contentType().isPresent()) {
      ContentTypeHeader type =
          (ContentTypeHeader)
              sip.headers().createHeader(ContentTypeHeader.NAME, outgoing.contentType().get());
      request.setContent(outgoing.body(), type);
    }
    return request;
  }

  /**
   * @return whether the response answered one of our requests
   */
  boolean onResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null || !(transaction.getApplicationData() instanceof Pending pending)) {
      return false;
    }
    Response response = event.getResponse();
    int status = response.getStatusCode();
    if (status < 200) {
      return true;
    }
    if (Request.SUBSCRIBE.equals(pending.request.getMethod())) {
      forgetSubscribe(transaction);
    }
    if ((status == 401 || status == 407) && retryWithCredentials(pending, response)) {
      return true;
    }
    pending.done.accept(outcome(response, cseq(pending)));
    return true;
  }

  // jain-sip 1.3.0-91 matches each NOTIFY to a SUBSCRIBE client transaction still in its table and
  // takes that transaction's lock, which it never gives back while automatic dialog support is
  // off, so the subscription's next NOTIFY blocked the stack's only thread for good. Once a final
  // response is here the transaction has nothing left to do: out of the table, nothing matches it.
  private void forgetSubscribe(ClientTransaction transaction) {
    if (sip.provider() instanceof SipProviderImpl provider
        && provider.getSipStack() instanceof SIPTransactionStack stack
        && transaction instanceof SIPTransaction stackTransaction) {
      stack.removeTransaction(stackTransaction);
    }
  }

  private boolean retryWithCredentials(Pending pending, Response response) {
    Request original = pending.request;
    boolean inDialog = ((ToHeader) original.getHeader(ToHeader.NAME)).getTag() != null;
    Optional<ChallengeAnswers.Answer> answer =
        challenges.answer(
            pending.session,
            response,
            original.getMethod(),
            original.getRequestURI().toString(),
            inDialog,
            pending.answers);
    if (answer.isEmpty()) {
      return false;
    }
    Request retry = (Request) original.clone();
    try {
      CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
      cseq.setSeqNumber(cseq.getSeqNumber() + 1);
    } catch (InvalidArgumentException e) {
      return false;
    }
    ((ViaHeader) retry.getHeader(ViaHeader.NAME)).removeParameter("branch");
    retry.removeHeader(answer.get().header().getName());
    retry.addHeader(answer.get().header());
    send(new Pending(pending.session, retry, pending.done, pending.answers + 1));
    return true;
  }

  /**
   * @return whether the timed-out transaction was one of ours
   */
  boolean onTimeout(TimeoutEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null || !(transaction.getApplicationData() instanceof Pending pending)) {
      return false;
    }
    String hop = pending.session.account().firstHop().toString();
    pending.done.accept(RequestOutcome.localFailure(408, "No answer from " + hop, cseq(pending)));
    return true;
  }

  void onRequest(RequestEvent event) {
    Request request = event.getRequest();
    Function<IncomingRequest, Integer> handler = handlers.get(key(request));
    ServerTransaction transaction = serverTransaction(sip, event);
    if (transaction == null || handler == null) {
      return; // a retransmission the stack answers again from its transaction
    }
    int status;
    try {
      status = handler.apply(incoming(request));
    } catch (IllegalArgumentException e) {
      LOG.info("Rejecting a malformed {}: {}", request.getMethod(), e.getMessage());
      status = Response.BAD_REQUEST;
    }
    try {
      transaction.sendResponse(sip.messages().createResponse(status, request));
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.debug("Cannot answer a {} with {}: {}", request.getMethod(), status, e.getMessage());
    }
  }

  private static IncomingRequest incoming(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
    if (from == null || to == null || cseq == null || from.getAddress() == null) {
      throw new IllegalArgumentException("From, To or CSeq missing");
    }
    String name = from.getAddress().getDisplayName();
    byte[] body = request.getRawContent();
    return new IncomingRequest(
        request.getMethod(),
        userOf(request),
        from.getAddress().getURI().toString(),
        name == null ? "" : name,
        from.getTag() == null ? "" : from.getTag(),
        Optional.ofNullable(to.getTag()),
        ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
        cseq.getSeqNumber(),
        headers(request),
        type == null
            ? Optional.empty()
            : Optional.of(
                (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT)),
        body == null ? new byte[0] : body);
  }

  private static String userOf(Request request) {
    return request.getRequestURI() instanceof SipURI uri && uri.getUser() != null
        ? uri.getUser()
        : "";
  }

  private static RequestOutcome outcome(Response response, long cseq) {
    ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
    ContactHeader contact = (ContactHeader) response.getHeader(ContactHeader.NAME);
    List<String> routes = new ArrayList<>();
    ListIterator<?> recordRoutes = response.getHeaders(RecordRouteHeader.NAME);
    while (recordRoutes.hasNext()) {
      routes.add(((RecordRouteHeader) recordRoutes.next()).getAddress().toString());
    }
    // A UAC's route set is the Record-Route list in reverse (RFC 3261 §12.1.2).
    Collections.reverse(routes);
    return new RequestOutcome(
        response.getStatusCode(),
        response.getReasonPhrase() == null ? "" : response.getReasonPhrase(),
        headers(response),
        Optional.ofNullable(to == null ? null : to.getTag()),
        Optional.ofNullable(contact == null ? null : contact.getAddress().getURI().toString()),
        routes,
        cseq,
        false);
  }

  private static Map<String, String> headers(Message message) {
    Map<String, String> headers = new HashMap<>();
    Iterator<?> names = message.getHeaderNames();
    while (names.hasNext()) {
      String name = (String) names.next();
      Header header = message.getHeader(name);
      if (header != null) {
        String text = header.toString();
        headers.putIfAbsent(
            name.toLowerCase(Locale.ROOT), text.substring(text.indexOf(':') + 1).trim());
      }
    }
    return headers;
  }

  /**
   * The request's server transaction, created if the stack made none; null for a retransmission the
   * stack already answers from its transaction.
   */
  static ServerTransaction serverTransaction(SipFactories sip, RequestEvent event) {
    if (event.getServerTransaction() != null) {
      return event.getServerTransaction();
    }
    try {
      return sip.provider().getNewServerTransaction(event.getRequest());
    } catch (TransactionAlreadyExistsException e) {
      return null;
    } catch (SipException e) {
      LOG.debug("No server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
      return null;
    }
  }

  private static long cseq(Pending pending) {
    return ((CSeqHeader) pending.request.getHeader(CSeqHeader.NAME)).getSeqNumber();
  }

  private static String key(Request request) {
    EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
    return key(request.getMethod(), event == null ? "" : event.getEventType());
  }

  private static String key(String method, String eventPackage) {
    return method.toUpperCase(Locale.ROOT) + " " + eventPackage.toLowerCase(Locale.ROOT);
  }
}

package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RecordRouteHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.presence.DialogBoard;
import org.parley.server.store.Binding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The proxy (RFC 3261 §16): forks requests for a local user to all of its contacts, keeps itself in
 * the dialog with Record-Route, forwards in-dialog requests along their Route set, and relays
 * responses back the way the request came.
 */
final class ProxyCore {

  private static final Logger LOG = LoggerFactory.getLogger(ProxyCore.class);

  private final SipContext sip;
  private final Responses responses;
  private final Map<String, ForkContext> byIncomingBranch = new ConcurrentHashMap<>();
  private final FlowTokens flows = new FlowTokens();

  private final DialogBoard dialogs;
  private volatile Diversion diversion;

  ProxyCore(SipContext sip, Responses responses, DialogBoard dialogs) {
    this.sip = sip;
    this.responses = responses;
    this.dialogs = dialogs;
  }

  /** From now on, INVITEs their callee does not take go to {@code target} (the mailbox). */
  void divertTo(Diversion target) {
    this.diversion = target;
  }

  /** Forwards an out-of-dialog request to every contact of the target AOR in parallel. */
  void fork(RequestEvent event, List<Binding> targets) {
    Request request = event.getRequest();
    String loopHash = ProxyBranches.loopHash(request);
    if (rejectLoopOrExhausted(request, loopHash)) {
      return;
    }
    ServerTransaction server;
    try {
      server =
          event.getServerTransaction() != null
              ? event.getServerTransaction()
              : sip.provider().getNewServerTransaction(request);
    } catch (SipException e) {
      LOG.debug(
          "No server transaction for {} (retransmission?): {}",
          request.getMethod(),
          e.getMessage());
      return;
    }
    if (Request.INVITE.equals(request.getMethod())) {
      responses.send(server, responses.create(request, Response.TRYING, null));
    }
    ForkContext context = new ForkContext(server, topVia(request).getBranch());
    server.setApplicationData(context);
    if (Request.INVITE.equals(request.getMethod())) {
      watchDialog(context, request);
      Diversion target = diversion;
      if (target != null) {
        context.noAnswerTimer = target.afterNoAnswer(() -> noAnswer(context));
      }
    }
    byIncomingBranch.put(context.incomingBranchId, context);
    FlowTokens.Flow upstream = FlowTokens.Flow.arrivalOf(event);
    for (Binding target : targets) {
      try {
        sendBranch(context, request, target, loopHash, upstream);
      } catch (SipException | ParseException | InvalidArgumentException e) {
        LOG.info(
            "Could not forward {} to {}: {}",
            request.getMethod(),
            target.contactUri(),
            e.getMessage());
      }
    }
    if (context.pending.isEmpty()) {
      finish(
          context,
          responses.create(request, Response.TEMPORARILY_UNAVAILABLE, "No contact reachable"));
    }
  }

  private void sendBranch(
      ForkContext context,
      Request request,
      Binding target,
      String loopHash,
      FlowTokens.Flow upstream)
      throws SipException, ParseException, InvalidArgumentException {
    Request copy = (Request) request.clone();
    copy.setRequestURI(sip.addresses().createURI(target.contactUri()));
    ProxyBranches.decrementMaxForwards(copy);
    Hop hop = routeTo(target, copy);
    if (isDialogCreating(copy.getMethod())) {
      // RFC 5658: bridging transports (a UDP caller, a TCP callee) records both of our
      // interfaces, so each side reaches us later over its own transport.
      String incoming = topVia(request).getTransport().toLowerCase(Locale.ROOT);
      String token = flows.encode(new FlowTokens.Dialog(upstream, FlowTokens.Flow.of(hop)));
      copy.addFirst(recordRoute(incoming, token));
      if (!incoming.equals(hop.getTransport().toLowerCase(Locale.ROOT))) {
        copy.addFirst(recordRoute(hop.getTransport().toLowerCase(Locale.ROOT), token));
      }
    }
    copy.addFirst(ourVia(hop.getTransport(), ProxyBranches.uniqueBranch(loopHash)));
    ClientTransaction transaction =
        HopRouter.via(
            hop,
            () -> {
              ClientTransaction created = sip.provider().getNewClientTransaction(copy);
              created.setApplicationData(context);
              created.sendRequest();
              return created;
            });
    context.branches.add(new ForkContext.Branch(transaction, hop));
    context.pending.add(transaction);
  }

  /**
   * The next hop towards a registered contact: the address its REGISTER came from, or the first hop
   * of its Path (RFC 3327), whose entries become the request's Route set.
   */
  Hop routeTo(Binding target, Request request) throws ParseException, SipException {
    if (target.path().isEmpty()) {
      String transport = target.receivedTransport().toLowerCase(Locale.ROOT);
      return new HopImpl(target.receivedHost(), target.receivedPort(), transport);
    }
    for (int i = target.path().size() - 1; i >= 0; i--) {
      Address address = sip.addresses().createAddress(target.path().get(i));
      request.addFirst(sip.headers().createRouteHeader(address));
    }
    SipURI first = (SipURI) sip.addresses().createAddress(target.path().get(0)).getURI();
    String pathTransport = first.getTransportParam() == null ? "udp" : first.getTransportParam();
    return new HopImpl(
        first.getHost(), first.getPort() > 0 ? first.getPort() : 5060, pathTransport);
  }

  /** A response to a request this proxy sent. */
  void response(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null || !(transaction.getApplicationData() instanceof ForkContext context)) {
      relayStray(event.getResponse());
      return;
    }
    Response response = withoutOurVia(event.getResponse());
    if (response != null) {
      synchronized (context) {
        relay(context, transaction, response);
      }
    }
  }

  /**
   * A response that matches no fork (a 2xx retransmission, or one to a request forwarded without a
   * fork context): relayed by its next Via, as a stateless proxy would (RFC 3261 §16.7, §16.11).
   */
  void relayStray(Response received) {
    Response response = withoutOurVia(received);
    if (response != null && response.getHeader(ViaHeader.NAME) != null) {
      responses.sendStateless(response);
    }
  }

  /** A copy without our top Via, or null when the top Via is not ours. */
  private Response withoutOurVia(Response received) {
    ViaHeader top = (ViaHeader) received.getHeader(ViaHeader.NAME);
    if (top == null || !isOurAddress(top.getHost(), top.getPort())) {
      // RFC 3261 §18.1.2: a response whose top Via is not ours is silently discarded; relaying it
      // would send it wherever its next Via points (RFC 4475 §3.3.10: even to a broadcast address).
      LOG.debug("Discarding a {} response that is not for us", received.getStatusCode());
      return null;
    }
    Response response = (Response) received.clone();
    response.removeFirst(ViaHeader.NAME);
    return response;
  }

  private void relay(ForkContext context, ClientTransaction transaction, Response response) {
    int status = response.getStatusCode();
    if (status == Response.TRYING) {
      return;
    }
    if (status < 200) {
      if (!context.finalSent) {
        responses.send(context.server, response);
        dialogState(context, DialogBoard.State.EARLY);
      }
      return;
    }
    context.pending.remove(transaction);
    if (status < 300) {
      dialogState(context, DialogBoard.State.CONFIRMED);
      stopNoAnswerTimer(context);
      if (!context.finalSent) {
        context.finalSent = true;
        responses.send(context.server, response);
        cancelPending(context);
        byIncomingBranch.remove(context.incomingBranchId);
      } else {
        responses.sendStateless(response); // RFC 3261 §16.7 step 5: every 2xx goes upstream.
      }
      return;
    }
    context.consider(response);
    if (status >= 600) {
      cancelPending(context);
    }
    if (context.pending.isEmpty()) {
      finish(context, context.best);
    }
  }

  /** A branch that never answered counts as 408 Request Timeout. */
  void timeout(TimeoutEvent event) {
    if (event.isServerTransaction()) {
      return;
    }
    ClientTransaction transaction = event.getClientTransaction();
    if (!(transaction.getApplicationData() instanceof ForkContext context)) {
      return;
    }
    synchronized (context) {
      if (context.pending.remove(transaction) && context.pending.isEmpty() && !context.finalSent) {
        Request original = context.server.getRequest();
        finish(
            context,
            context.best != null
                ? context.best
                : responses.create(original, Response.REQUEST_TIMEOUT, null));
      }
    }
  }

  /** CANCEL (RFC 3261 §16.10): 200 for the CANCEL, 487 for the INVITE, CANCEL every branch. */
  void cancel(RequestEvent event) {
    Request cancel = event.getRequest();
    ForkContext context = byIncomingBranch.get(topVia(cancel).getBranch());
    if (context == null) {
      responses.sendStateless(cancel, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
      return;
    }
    responses.sendStateless(cancel, Response.OK, null);
    synchronized (context) {
      cancelPending(context);
      if (!context.finalSent) {
        finish(
            context,
            responses.create(context.server.getRequest(), Response.REQUEST_TERMINATED, null));
      }
    }
  }

  /**
   * Forwards a request that carries its own route (in-dialog requests and the ACK for a 2xx). The
   * upstream side is stateless: the branch is derived from the request, so a retransmission maps to
   * the same branch. Downstream, every request but ACK goes out in a client transaction: it
   * retransmits over UDP by itself, and jain-sip matches the response by branch. Without it, each
   * response scans every live client transaction (a cost that grows with the call rate squared).
   */
  void forwardAlongRoute(RequestEvent event) {
    Request request = (Request) event.getRequest().clone();
    String loopHash = ProxyBranches.loopHash(request);
    if (rejectLoopOrExhausted(request, loopHash)) {
      return;
    }
    // Our own Route entries: one, or two where we bridged transports (RFC 5658).
    Optional<FlowTokens.Dialog> dialog = Optional.empty();
    RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    while (route != null && isUs(route.getAddress().getURI())) {
      if (dialog.isEmpty()) {
        dialog = flows.decode(((SipURI) route.getAddress().getURI()).getUser());
      }
      request.removeFirst(RouteHeader.NAME);
      route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    }
    Optional<Hop> flow =
        dialog
            .flatMap(flowPair -> flowPair.oppositeOf(FlowTokens.Flow.arrivalOf(event)))
            .map(FlowTokens.Flow::hop);
    if (Request.BYE.equals(request.getMethod())) {
      dialogs.ended(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId());
    }
    try {
      ProxyBranches.decrementMaxForwards(request);
      String branch = ProxyBranches.statelessBranch(request, loopHash);
      if (flow.isPresent()) {
        try {
          sendAlongRoute(request, flow.get(), branch);
          return;
        } catch (SipException e) {
          // The flow is gone (the phone reconnected from another port): try its Contact.
          LOG.debug("Flow {} is gone, routing by Request-URI: {}", flow.get(), e.getMessage());
          request.removeFirst(ViaHeader.NAME);
        }
      }
      sendAlongRoute(request, nextHop(request), branch);
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info(
          "Could not forward in-dialog {} to {} (route {}): {}",
          request.getMethod(),
          request.getRequestURI(),
          request.getHeader(RouteHeader.NAME),
          e.getMessage());
      if (!Request.ACK.equals(request.getMethod())) {
        responses.sendStateless(
            event.getRequest(), Response.SERVICE_UNAVAILABLE, "Next hop unreachable");
      }
    }
  }

  private void sendAlongRoute(Request request, Hop hop, String branch)
      throws SipException, ParseException, InvalidArgumentException {
    request.addFirst(ourVia(hop.getTransport(), branch));
    HopRouter.via(
        hop,
        () -> {
          if (Request.ACK.equals(request.getMethod())) {
            sip.provider().sendRequest(request);
          } else if (hasClientTransaction(request)) {
            LOG.debug("{} retransmission: our client transaction is on it", request.getMethod());
          } else {
            sip.provider().getNewClientTransaction(request).sendRequest();
          }
          return null;
        });
  }

  private boolean hasClientTransaction(Request request) {
    SIPTransactionStack stack = (SIPTransactionStack) sip.provider().getSipStack();
    return stack.findTransaction((SIPRequest) request, false) != null;
  }

  /** A forked INVITE: the callee (and a local caller) now has a call that is trying. */
  private void watchDialog(ForkContext context, Request invite) {
    context.callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    context.calleeAor = SipContext.addressOfRecord((SipURI) invite.getRequestURI());
    javax.sip.address.URI from =
        ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress().getURI();
    if (from instanceof SipURI caller && sip.isLocal(caller) && caller.getUser() != null) {
      context.callerAor = SipContext.addressOfRecord(caller);
    }
    dialogState(context, DialogBoard.State.TRYING);
  }

  private void dialogState(ForkContext context, DialogBoard.State state) {
    if (context.callId == null) {
      return;
    }
    dialogs.update(context.calleeAor, context.callId, false, state);
    if (context.callerAor != null) {
      dialogs.update(context.callerAor, context.callId, true, state);
    }
  }

  boolean isUs(javax.sip.address.URI uri) {
    if (!(uri instanceof SipURI sipUri)) {
      return false;
    }
    String host = sipUri.getHost().toLowerCase(Locale.ROOT);
    return host.equals(sip.domain()) || isOurAddress(host, sipUri.getPort());
  }

  /**
   * Whether host:port is one of our listening points, by its bound or its advertised address (what
   * we put in Via and Record-Route when bound to every interface).
   */
  private boolean isOurAddress(String host, int port) {
    int effectivePort = port > 0 ? port : 5060;
    for (ListeningPoint point : sip.provider().getListeningPoints()) {
      boolean ourHost = point.getIPAddress().equals(host) || advertisedHost(point).equals(host);
      if (ourHost && point.getPort() == effectivePort) {
        return true;
      }
    }
    return false;
  }

  private Hop nextHop(Request request) throws SipException {
    RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
    SipURI target =
        (SipURI) (route != null ? route.getAddress().getURI() : request.getRequestURI());
    String transport =
        target.getTransportParam() != null
            ? target.getTransportParam()
            : target.isSecure() ? "tls" : "udp";
    int port =
        target.getPort() > 0 ? target.getPort() : "tls".equalsIgnoreCase(transport) ? 5061 : 5060;
    return new HopImpl(target.getHost(), port, transport.toLowerCase(Locale.ROOT));
  }

  /** RFC 3261 §16.3 step 3: Max-Forwards 0 gets 483 (an ACK is dropped); true when answered. */
  boolean rejectExhausted(Request request) {
    MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
    if (maxForwards == null || maxForwards.getMaxForwards() > 0) {
      return false;
    }
    if (!Request.ACK.equals(request.getMethod())) {
      responses.sendStateless(request, Response.TOO_MANY_HOPS, null);
    }
    return true;
  }

  private boolean rejectLoopOrExhausted(Request request, String loopHash) {
    if (rejectExhausted(request)) {
      return true;
    }
    String expected = ProxyBranches.MAGIC_COOKIE + loopHash + ".";
    ListIterator<Header> vias = request.getHeaders(ViaHeader.NAME);
    while (vias.hasNext()) {
      ViaHeader via = (ViaHeader) vias.next();
      if (via.getBranch() != null
          && via.getBranch().startsWith(expected)
          && isOurAddress(via.getHost(), via.getPort())) {
        if (!Request.ACK.equals(request.getMethod())) {
          responses.sendStateless(request, Response.LOOP_DETECTED, null);
        }
        return true;
      }
    }
    return false;
  }

  /** The callee let it ring for the no-answer time: the mailbox answers instead. */
  private void noAnswer(ForkContext context) {
    synchronized (context) {
      if (!context.finalSent) {
        LOG.debug("No answer for call {}: diverting to voicemail", context.callId);
        divert(context);
      }
    }
  }

  /**
   * Final responses after which the mailbox answers rather than the caller hearing the failure:
   * busy or declined everywhere (486, 600, 603), or no contact reachable (480, 408).
   */
  private boolean divertible(ForkContext context, int status) {
    return diversion != null
        && context.callId != null
        && (status == Response.BUSY_HERE
            || status == Response.BUSY_EVERYWHERE
            || status == Response.DECLINE
            || status == Response.TEMPORARILY_UNAVAILABLE
            || status == Response.REQUEST_TIMEOUT);
  }

  private void divert(ForkContext context) {
    context.finalSent = true;
    stopNoAnswerTimer(context);
    dialogState(context, DialogBoard.State.TERMINATED);
    byIncomingBranch.remove(context.incomingBranchId);
    cancelPending(context);
    Request invite = context.server.getRequest();
    diversion.divert(context.server, invite, ((SipURI) invite.getRequestURI()).getUser());
  }

  private static void stopNoAnswerTimer(ForkContext context) {
    if (context.noAnswerTimer != null) {
      context.noAnswerTimer.cancel(false);
    }
  }

  private void finish(ForkContext context, Response response) {
    if (context.finalSent) {
      return;
    }
    if (divertible(context, response.getStatusCode())) {
      divert(context);
      return;
    }
    stopNoAnswerTimer(context);
    context.finalSent = true;
    dialogState(context, DialogBoard.State.TERMINATED);
    byIncomingBranch.remove(context.incomingBranchId);
    Response upstream = (Response) response.clone();
    if (upstream.getHeader(ViaHeader.NAME) != null
        && !((ViaHeader) upstream.getHeader(ViaHeader.NAME))
            .getBranch()
            .equals(context.incomingBranchId)) {
      upstream.removeFirst(ViaHeader.NAME);
    }
    responses.send(context.server, upstream);
  }

  private void cancelPending(ForkContext context) {
    for (ForkContext.Branch branch : context.branches) {
      if (!context.pending.remove(branch.transaction())
          || !Request.INVITE.equals(branch.transaction().getRequest().getMethod())) {
        continue;
      }
      try {
        Request cancel = branch.transaction().createCancel();
        HopRouter.via(
            branch.hop(),
            () -> {
              sip.provider().getNewClientTransaction(cancel).sendRequest();
              return null;
            });
      } catch (SipException e) {
        LOG.info("Could not CANCEL a branch: {}", e.getMessage());
      }
    }
  }

  private RecordRouteHeader recordRoute(String transport, String flowToken) throws ParseException {
    ListeningPoint point = listeningPoint(transport);
    SipURI uri = sip.addresses().createSipURI(flowToken, advertisedHost(point));
    uri.setPort(point.getPort());
    if (!"udp".equals(transport)) {
      uri.setTransportParam(transport);
    }
    uri.setLrParam();
    return sip.headers().createRecordRouteHeader(sip.addresses().createAddress(uri));
  }

  ViaHeader ourVia(String transport, String branch)
      throws ParseException, InvalidArgumentException {
    ListeningPoint point = listeningPoint(transport);
    ViaHeader via =
        sip.headers().createViaHeader(advertisedHost(point), point.getPort(), transport, branch);
    via.setRPort();
    return via;
  }

  private ListeningPoint listeningPoint(String transport) {
    ListeningPoint point = sip.provider().getListeningPoint(transport);
    return point != null ? point : sip.provider().getListeningPoint(ListeningPoint.UDP);
  }

  private String advertisedHost(ListeningPoint point) {
    String address = point.getIPAddress();
    return "0.0.0.0".equals(address) || "::".equals(address) ? sip.advertisedAddress() : address;
  }

  private static boolean isDialogCreating(String method) {
    return Request.INVITE.equals(method)
        || Request.SUBSCRIBE.equals(method)
        || Request.REFER.equals(method);
  }

  private static ViaHeader topVia(Request request) {
    return (ViaHeader) request.getHeader(ViaHeader.NAME);
  }
}

package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.Transport;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.Replaces;
import org.parley.core.sip.SipDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The softphone's INVITE dialogs, by Call-ID: sends INVITEs, takes new ones from peers, and routes
 * every in-dialog request and response to its {@link InviteDialog}. Runs on the core's loop.
 */
final class InviteDialogs {

  private static final Logger LOG = LoggerFactory.getLogger(InviteDialogs.class);
  private static final int MAX_FORWARDS = 70;

  /** What {@code Allow} lists in OPTIONS answers and our dialogs. */
  static final String ALLOW = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY";

  private final SipFactories sip;
  private final EventLoop loop;
  private final RegisterRequests requests;
  private final ChallengeAnswers challenges;
  private final Map<String, InviteDialog> byCallId = new HashMap<>();
  private Consumer<IncomingInvite> incoming;

  InviteDialogs(SipFactories sip, EventLoop loop) {
    this.sip = sip;
    this.loop = loop;
    this.requests = new RegisterRequests(sip);
    this.challenges = new ChallengeAnswers(sip);
  }

  ChallengeAnswers challenges() {
    return challenges;
  }

  EventLoop loop() {
    return loop;
  }

  void onIncomingInvite(Consumer<IncomingInvite> handler) {
    incoming = handler;
  }

  SipDialog invite(
      RegisterSession session,
      String targetUri,
      Optional<String> sdpOffer,
      InviteHeaders headers,
      DialogListener l) {
    Request request;
    try {
      request = buildInvite(session.account(), targetUri);
      if (headers.replaces().isPresent()) {
        request.addHeader(
            sip.headers().createHeader("Replaces", headers.replaces().get().format()));
      }
      if (headers.referredBy().isPresent()) {
        request.addHeader(sip.headers().createHeader("Referred-By", headers.referredBy().get()));
      }
      if (sdpOffer.isPresent()) {
        request.setContent(
            sdpOffer.get(), sip.headers().createContentTypeHeader("application", "sdp"));
      }
    } catch (ParseException | InvalidArgumentException e) {
      throw new IllegalArgumentException("Cannot call " + targetUri + ": " + e.getMessage(), e);
    }
    InviteDialog dialog = InviteDialog.outgoing(sip, this, session, request);
    dialog.setListener(l);
    try {
      dialog.useSessionTimers(l.sessionTimers());
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot write the session timer headers", e);
    }
    byCallId.put(dialog.callId(), dialog);
    try {
      dialog.send(request);
    } catch (SipException e) {
      LOG.info("INVITE to {} could not be sent: {}", targetUri, e.getMessage());
      // Reported from a later task, so the caller never sees its listener run inside its call.
      loop.execute(() -> dialog.sendFailed(e.getMessage()));
    }
    return dialog;
  }

  private Request buildInvite(AccountConfig account, String targetUri)
      throws ParseException, InvalidArgumentException {
    Transport transport = account.transport();
    var listeningPoint = sip.provider().getListeningPoint(transport.token());
    ViaHeader via =
        sip.headers()
            .createViaHeader(
                listeningPoint.getIPAddress(), listeningPoint.getPort(), transport.token(), null);
    via.setRPort();
    Address from = sip.addresses().createAddress(account.addressOfRecord());
    Address to = sip.addresses().createAddress(targetUri);
    Request request =
        sip.messages()
            .createRequest(
                to.getURI(),
                Request.INVITE,
                sip.headers().createCallIdHeader(UUID.randomUUID().toString()),
                sip.headers().createCSeqHeader(1L, Request.INVITE),
                sip.headers().createFromHeader(from, UUID.randomUUID().toString().substring(0, 8)),
                sip.headers().createToHeader(to, null),
                List.of(via),
                sip.headers().createMaxForwardsHeader(MAX_FORWARDS));
    request.addHeader(contact(account.user(), transport.token()));
    request.addHeader(sip.headers().createAllowHeader(ALLOW));
    InviteMessages.addSupported(request, sip.headers(), InviteMessages.REPLACES);
    request.addHeader(sip.headers().createUserAgentHeader(List.of(sip.userAgentName())));
    // Every out-of-dialog request goes through the account's first hop (a preloaded loose route,
    // RFC 3261 §8.1.2), so the proxy can authenticate it and record-route the dialog.
    request.addHeader(
        sip.headers()
            .createRouteHeader(
                sip.addresses().createAddress(requests.hopUri(account.firstHop(), account))));
    return request;
  }

  ContactHeader contact(String user, String transport) {
    try {
      var listeningPoint = sip.provider().getListeningPoint(transport);
      if (listeningPoint == null) {
        listeningPoint = sip.provider().getListeningPoint("udp");
      }
      SipURI uri = sip.addresses().createSipURI(user, listeningPoint.getIPAddress());
      uri.setPort(listeningPoint.getPort());
      if (!"udp".equalsIgnoreCase(transport)) {
        uri.setTransportParam(transport.toLowerCase(java.util.Locale.ROOT));
      }
      return sip.headers().createContactHeader(sip.addresses().createAddress(uri));
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot write a Contact for " + user, e);
    }
  }

  void forget(InviteDialog dialog) {
    byCallId.remove(dialog.callId(), dialog);
  }

  /** Whether the request is ours to handle (INVITE, ACK, BYE, CANCEL, INFO, REFER). */
  static boolean handles(String method) {
    return switch (method) {
      case Request.INVITE, Request.ACK, Request.BYE, Request.CANCEL, Request.INFO, Request.REFER ->
          true;
      default -> false;
    };
  }

  /** Whether the request's Call-ID is one of our INVITE dialogs (a refer NOTIFY, say). */
  boolean owns(Request request) {
    return byCallId.containsKey(callId(request));
  }

  void onRequest(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    InviteDialog dialog = byCallId.get(callId(request));
    if (Request.ACK.equals(method)) {
      if (dialog != null) {
        dialog.onAck(request);
      }
      return;
    }
    ServerTransaction transaction = NonInviteRequests.serverTransaction(sip, event);
    if (transaction == null) {
      return; // a retransmission the stack already answers
    }
    boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    if (Request.INVITE.equals(method) && !inDialog) {
      newInvite(request, transaction);
      return;
    }
    if (Request.REFER.equals(method) && !inDialog) {
      // RFC 3515 allows it, but a REFER from anyone outside a call would make us call anywhere.
      answer(transaction, request, Response.FORBIDDEN);
      return;
    }
    if (dialog == null) {
      answer(transaction, request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
      return;
    }
    switch (method) {
      case Request.INVITE -> dialog.onReinvite(transaction, request);
      case Request.BYE -> {
        answer(transaction, request, Response.OK);
        dialog.onBye();
      }
      case Request.CANCEL -> {
        answer(transaction, request, Response.OK);
        dialog.onCancel();
      }
      case Request.INFO -> {
        answer(transaction, request, Response.OK);
        dialog.onInfo(request);
      }
      case Request.REFER ->
          dialog
              .refers()
              .onRefer(transaction, request, dialog.state() == InviteDialog.State.CONFIRMED);
      case Request.NOTIFY -> dialog.refers().onNotify(transaction, request);
      default -> answer(transaction, request, Response.NOT_IMPLEMENTED);
    }
  }

  private void newInvite(Request request, ServerTransaction transaction) {
    String localUser = request.getRequestURI() instanceof SipURI uri ? uri.getUser() : null;
    if (incoming == null || localUser == null) {
      answer(transaction, request, Response.TEMPORARILY_UNAVAILABLE);
      return;
    }
    Optional<InviteDialog> replacing = Optional.empty();
    if (request.getHeader("Replaces") != null) {
      int refusal;
      Replaces replaces = null;
      try {
        replaces = Replaces.parse(InDialogRefer.headerValues(request, "Replaces").get(0));
        refusal = replaceRefusal(replaces);
      } catch (IllegalArgumentException e) {
        refusal = Response.BAD_REQUEST;
      }
      if (refusal != 0) {
        answer(transaction, request, refusal);
        return;
      }
      replacing = Optional.of(byCallId.get(replaces.callId()));
    }
    Dialog stackDialog;
    try {
      stackDialog = sip.provider().getNewDialog(transaction);
    } catch (SipException e) {
      LOG.info("No dialog for an incoming INVITE: {}", e.getMessage());
      answer(transaction, request, Response.SERVER_INTERNAL_ERROR);
      return;
    }
    InviteDialog dialog =
        InviteDialog.incoming(sip, this, request, transaction, stackDialog, localUser);
    byCallId.put(dialog.callId(), dialog);
    Address caller = ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
    String name = caller.getDisplayName() == null ? "" : caller.getDisplayName();
    incoming.accept(
        new IncomingInvite(
            localUser,
            caller.getURI().toString(),
            name,
            InviteMessages.body(request),
            dialog,
            replacing.map(SipDialog.class::cast)));
  }

  /**
   * Whether a Replaces may replace the dialog it names (RFC 3891 §3): 0 for a confirmed dialog or
   * an early one we started; 481 for none or an early one the peer started; 486 for a confirmed one
   * when early-only.
   */
  private int replaceRefusal(Replaces replaces) {
    InviteDialog candidate = byCallId.get(replaces.callId());
    if (candidate == null || !candidate.matches(replaces)) {
      return Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
    }
    return switch (candidate.state()) {
      case CONFIRMED, ACCEPTED -> replaces.earlyOnly() ? Response.BUSY_HERE : 0;
      case CALLING, PROCEEDING ->
          candidate.isOutgoing() ? 0 : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
      case TERMINATED -> Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST;
    };
  }

  private void answer(ServerTransaction transaction, Request request, int status) {
    try {
      transaction.sendResponse(sip.messages().createResponse(status, request));
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.debug("Cannot answer a {} with {}: {}", request.getMethod(), status, e.getMessage());
    }
  }

  /**
   * @return whether the response belonged to one of our dialogs
   */
  boolean onResponse(ResponseEvent event) {
    Response response = event.getResponse();
    InviteDialog dialog = byCallId.get(callId(response));
    String method = ((javax.sip.header.CSeqHeader) response.getHeader("CSeq")).getMethod();
    if (dialog != null && dialog.refers().owns(event.getClientTransaction())) {
      dialog.refers().onReferResponse(response);
      return true;
    }
    if (dialog == null || !Request.INVITE.equals(method)) {
      return dialog != null || !Request.REGISTER.equals(method);
    }
    dialog.onInviteResponse(event.getClientTransaction(), response);
    return true;
  }

  void onTimeout(TimeoutEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    if (transaction == null) {
      return;
    }
    InviteDialog dialog = byCallId.get(callId(transaction.getRequest()));
    if (dialog != null) {
      dialog.onTimeout(transaction);
    }
  }

  static String callId(javax.sip.message.Message message) {
    return ((CallIdHeader) message.getHeader(CallIdHeader.NAME)).getCallId();
  }
}

package org.parley.server.sip.jainsip;

import gov.nist.javax.sip.RequestEventExt;
import gov.nist.javax.sip.stack.HopImpl;
import java.io.IOException;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.media.sdp.SdpParseException;
import org.parley.media.sdp.SdpParser;
import org.parley.media.sdp.SessionDescription;
import org.parley.server.echo.EchoCall;
import org.parley.server.echo.EchoLimits;
import org.parley.server.echo.EchoMediaSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The echo test's user agent ({@code sip:echo@<domain>}): answers at once, sends the caller's RTP
 * straight back, and hangs up with a BYE when the caller goes quiet or the time limit passes.
 */
final class EchoHandler {

  static final String USER = "echo";
  private static final Logger LOG = LoggerFactory.getLogger(EchoHandler.class);

  private final SipContext sip;
  private final Responses responses;
  private final EchoLimits limits;
  private final Map<String, EchoDialog> dialogs = new ConcurrentHashMap<>();

  /** One answered echo call. */
  private static final class EchoDialog {
    final EchoCall call;
    final AgentDialog dialog;
    SessionDescription answer;

    EchoDialog(EchoCall call, AgentDialog dialog) {
      this.call = call;
      this.dialog = dialog;
      this.answer = call.answer();
    }
  }

  EchoHandler(SipContext sip, Responses responses, EchoLimits limits) {
    this.sip = sip;
    this.responses = responses;
    this.limits = limits;
  }

  boolean isEchoTarget(SipURI uri) {
    return USER.equals(uri.getUser()) && sip.isLocal(uri);
  }

  /** Whether an in-dialog request belongs to one of our echo calls. */
  boolean owns(Request request) {
    EchoDialog dialog = dialogs.get(callId(request));
    return dialog != null && dialog.dialog.owns(request);
  }

  boolean ownsResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    return transaction != null && transaction.getApplicationData() instanceof AgentDialog;
  }

  int activeCalls() {
    return dialogs.size();
  }

  void handle(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    if (!owns(request)) {
      if (Request.INVITE.equals(method)) {
        answer(event);
      } else if (!Request.ACK.equals(method)) {
        responses.sendStateless(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
      }
      return;
    }
    EchoDialog dialog = dialogs.get(callId(request));
    switch (method) {
      case Request.ACK -> {
        // The caller confirmed our 200 OK; nothing more to do.
      }
      case Request.BYE -> {
        responses.sendStateless(request, Response.OK, null);
        end(dialog, callId(request));
      }
      case Request.INVITE -> reinvite(request, dialog);
      case Request.INFO, Request.OPTIONS, Request.UPDATE ->
          responses.sendStateless(request, Response.OK, null);
      default -> responses.sendStateless(request, Response.NOT_IMPLEMENTED, null);
    }
  }

  private void answer(RequestEvent event) {
    Request invite = event.getRequest();
    ServerTransaction transaction;
    try {
      transaction = sip.provider().getNewServerTransaction(invite);
    } catch (SipException e) {
      LOG.debug("Echo INVITE retransmission: {}", e.getMessage());
      return;
    }
    SessionDescription offer;
    try {
      offer =
          SdpParser.parse(invite.getRawContent() == null ? new byte[0] : invite.getRawContent());
    } catch (SdpParseException e) {
      responses.send(
          transaction,
          responses.create(
              invite, Response.NOT_ACCEPTABLE_HERE, "The echo test needs an SDP offer"));
      return;
    }
    String callId = callId(invite);
    Optional<EchoCall> call;
    try {
      call =
          EchoCall.accept(
              offer,
              InetAddress.getByName(sip.advertisedAddress()),
              limits,
              reason -> hangUp(callId, reason));
    } catch (IOException e) {
      LOG.warn("No media ports for an echo call: {}", e.getMessage());
      responses.send(
          transaction,
          responses.create(invite, Response.SERVICE_UNAVAILABLE, "No media ports free"));
      return;
    }
    if (call.isEmpty()) {
      responses.send(
          transaction,
          responses.create(
              invite, Response.NOT_ACCEPTABLE_HERE, "No stream the echo test can reflect"));
      return;
    }
    RequestEventExt source = (RequestEventExt) event;
    String transport =
        ((ViaHeader) invite.getHeader(ViaHeader.NAME)).getTransport().toLowerCase(Locale.ROOT);
    EchoDialog dialog =
        new EchoDialog(
            call.get(),
            new AgentDialog(
                sip,
                invite,
                new HopImpl(source.getRemoteIpAddress(), source.getRemotePort(), transport)));
    dialogs.put(callId, dialog);
    responses.send(transaction, ok(invite, dialog));
    LOG.info("Echo call {} answered", callId);
  }

  private void reinvite(Request request, EchoDialog dialog) {
    dialog.answer = dialog.answer.withOrigin(dialog.answer.origin().withNextVersion());
    responses.sendStateless(ok(request, dialog));
  }

  private Response ok(Request request, EchoDialog dialog) {
    return dialog.dialog.ok(request, dialog.answer.format(), USER);
  }

  /** Media ended the call (silence, time limit, failure): say goodbye with a BYE. */
  private void hangUp(String callId, EchoMediaSession.EndReason reason) {
    EchoDialog dialog = dialogs.get(callId);
    if (dialog == null) {
      return;
    }
    LOG.info("Ending echo call {} ({})", callId, reason);
    try {
      dialog.dialog.sendBye();
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Could not send BYE for echo call {}: {}", callId, e.getMessage());
    }
    end(dialog, callId);
  }

  private void end(EchoDialog dialog, String callId) {
    if (dialogs.remove(callId, dialog)) {
      dialog.call.close();
    }
  }

  private static String callId(Request request) {
    return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
  }

  /** Ends every call, for shutdown. */
  void closeAll() {
    dialogs.forEach((callId, dialog) -> dialog.call.close());
    dialogs.clear();
  }
}

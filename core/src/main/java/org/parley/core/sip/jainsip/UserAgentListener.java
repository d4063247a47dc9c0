package org.parley.core.sip.jainsip;

import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import java.text.ParseException;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.loop.EventLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's only {@link SipListener}: it turns every callback (requests, responses, timeouts, I/O
 * errors) into a task on the core's loop and does nothing else on jain-sip's thread.
 */
final class UserAgentListener implements SipListenerExt {

  private static final Logger LOG = LoggerFactory.getLogger(UserAgentListener.class);

  private final EventLoop loop;
  private final RegisterClient registers;
  private final InviteDialogs dialogs;
  private final SipFactories sip;
  private final NonInviteRequests requests;

  UserAgentListener(
      EventLoop loop,
      RegisterClient registers,
      InviteDialogs dialogs,
      SipFactories sip,
      NonInviteRequests requests) {
    this.loop = loop;
    this.registers = registers;
    this.dialogs = dialogs;
    this.sip = sip;
    this.requests = requests;
  }

  @Override
  public void processRequest(RequestEvent event) {
    loop.execute(() -> answerRequest(event));
  }

  @Override
  public void processResponse(ResponseEvent event) {
    loop.execute(
        () -> {
          if (!requests.onResponse(event) && !dialogs.onResponse(event)) {
            registers.onResponse(event);
          }
        });
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    loop.execute(
        () -> {
          if (requests.onTimeout(event)) {
            return;
          }
          registers.onTimeout(event);
          dialogs.onTimeout(event);
        });
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    loop.execute(() -> registers.onIoException(event));
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // Nothing to release: attempts leave the client's table on their final response or timeout.
  }

  @Override
  public void processDialogTimeout(DialogTimeoutEvent event) {
    // Dialogs arrive with calls.
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // Dialogs arrive with calls; the stack creates none while automatic dialog support is off.
  }

  // MESSAGE and subscription NOTIFYs go to their handlers; dialog requests to the dialogs; OPTIONS
  // (a server's or peer's liveness probe) gets a 200
  // that says what we take; everything else a 501, statelessly. ACK never gets a response.
  private void answerRequest(RequestEvent event) {
    Request request = event.getRequest();
    if (requests.claims(request)) {
      requests.onRequest(event);
      return;
    }
    // A NOTIFY goes to the dialogs only for one of our calls (a REFER's progress); in-dialog
    // OPTIONS (a PBX's session probe) still gets the 200 below.
    boolean referNotify = Request.NOTIFY.equals(request.getMethod()) && dialogs.owns(request);
    if (InviteDialogs.handles(request.getMethod()) || referNotify) {
      dialogs.onRequest(event);
      return;
    }
    boolean options = Request.OPTIONS.equals(request.getMethod());
    int status = options ? Response.OK : Response.NOT_IMPLEMENTED;
    try {
      Response response = sip.messages().createResponse(status, request);
      if (options) {
        response.addHeader(sip.headers().createAllowHeader(InviteDialogs.ALLOW));
        response.addHeader(sip.headers().createAcceptHeader("application", "sdp"));
        InviteMessages.addSupported(response, sip.headers(), InviteMessages.REPLACES);
      }
      sip.provider().sendResponse(response);
    } catch (ParseException | SipException e) {
      LOG.debug("Cannot answer a {} request", request.getMethod(), e);
    }
  }
}

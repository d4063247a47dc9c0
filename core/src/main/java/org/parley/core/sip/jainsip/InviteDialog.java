package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.DialogId;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.ReferTo;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.Replaces;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipFrag;
import org.parley.core.sip.SipWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INVITE dialog on jain-sip, either side: the INVITE transaction, CANCEL, ACK, BYE, re-INVITE
 * and INFO. Runs on the core's loop; {@link InviteDialogs} feeds it the stack's events.
 */
final class InviteDialog implements SipDialog {

  private static final Logger LOG = LoggerFactory.getLogger(InviteDialog.class);

  /** Where the INVITE transaction stands. */
  enum State {
    CALLING,
    PROCEEDING,
    ACCEPTED,
    CONFIRMED,
    TERMINATED
  }

  private final SipFactories sip;
  private final InviteDialogs owner;
  private final String callId;
  private final boolean outgoing;
  private final RegisterSession session;
  private final String localUser;
  private final String localTag = UUID.randomUUID().toString().substring(0, 8);
  private DialogListener listener;
  private State state = State.CALLING;
  private Request invite;
  private ClientTransaction inviteClient;
  private ServerTransaction inviteServer;
  private Dialog dialog;
  private ClientTransaction reinviteClient;
  private boolean cancelWanted;
  private String ackBody;
  private int challengeAnswers;
  private String remoteTag;
  private final InDialogRefer refers;
  private SessionTimer timer;

  private InviteDialog(
      SipFactories sip,
      InviteDialogs owner,
      String callId,
      boolean outgoing,
      RegisterSession session,
      String localUser) {
    this.sip = sip;
    this.owner = owner;
    this.callId = callId;
    this.outgoing = outgoing;
    this.session = session;
    this.localUser = localUser;
    this.refers = new InDialogRefer(sip, this);
  }

  static InviteDialog outgoing(
      SipFactories sip, InviteDialogs owner, RegisterSession session, Request invite) {
    InviteDialog created =
        new InviteDialog(
            sip, owner, InviteDialogs.callId(invite), true, session, session.account().user());
    created.invite = invite;
    return created;
  }

  static InviteDialog incoming(
      SipFactories sip,
      InviteDialogs owner,
      Request invite,
      ServerTransaction transaction,
      Dialog dialog,
      String localUser) {
    InviteDialog created =
        new InviteDialog(sip, owner, InviteDialogs.callId(invite), false, null, localUser);
    created.invite = invite;
    created.inviteServer = transaction;
    created.dialog = dialog;
    created.state = State.PROCEEDING;
    created.remoteTag = ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag();
    return created;
  }

  String callId() {
    return callId;
  }

  State state() {
    return state;
  }

  boolean isOutgoing() {
    return outgoing;
  }

  DialogListener listener() {
    return listener;
  }

  Dialog stackDialog() {
    return dialog;
  }

  InDialogRefer refers() {
    return refers;
  }

  @Override
  public Optional<DialogId> dialogId() {
    String local = outgoing ? ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag() : localTag;
    return remoteTag == null || local == null
        ? Optional.empty()
        : Optional.of(new DialogId(callId, local, remoteTag));
  }

  /** Whether a new INVITE's Replaces names this dialog (RFC 3891 §3). */
  boolean matches(Replaces replaces) {
    return dialogId().map(id -> id.matches(replaces)).orElse(false);
  }

  @Override
  public void setListener(DialogListener value) {
    listener = value;
  }

  /** Runs RFC 4028 session timers in this dialog; for ours, writes their headers in the INVITE. */
  void useSessionTimers(SessionTimerSettings settings) throws ParseException {
    timer = new SessionTimer(owner.loop(), settings, this::refreshSession, this::sessionExpired);
    if (outgoing) {
      timer.addToRequest(invite, sip.headers());
    }
  }

  @Override
  public boolean admitSessionInterval(SessionTimerSettings settings) {
    if (outgoing || state != State.PROCEEDING) {
      return true;
    }
    OptionalInt minSe = SessionTimer.tooSmall(invite, settings);
    try {
      if (minSe.isPresent()) {
        respond(
            SessionTimer.SESSION_INTERVAL_TOO_SMALL,
            null,
            sip.headers().createHeader(SessionTimer.MIN_SE, Integer.toString(minSe.getAsInt())));
        terminate();
        return false;
      }
      useSessionTimers(settings);
      return true;
    } catch (ParseException e) {
      throw new IllegalStateException("Cannot write the session timer headers", e);
    }
  }

  private void refreshSession() {
    if (state != State.CONFIRMED) {
      return;
    }
    Optional<String> offer = listener.refreshOffer();
    if (offer.isPresent() && reinviteClient == null) {
      LOG.debug("Refreshing the session of call {}", callId);
      reinviteClient = sendInDialog(Request.INVITE, "application/sdp", offer.get());
    }
  }

  private void sessionExpired() {
    if (state == State.CONFIRMED || state == State.ACCEPTED) {
      LOG.info("The session of call {} expired without a refresh; sending BYE", callId);
      bye();
      listener.sessionExpired();
    }
  }

  /** Sends (or re-sends, with credentials) our INVITE in a new client transaction. */
  void send(Request request) throws SipException {
    invite = request;
    inviteClient = sip.provider().getNewClientTransaction(request);
    dialog = sip.provider().getNewDialog(inviteClient);
    inviteClient.sendRequest();
  }

  // --- what the stack reports (InviteDialogs calls these on the loop) ---

  void onInviteResponse(ClientTransaction transaction, Response response) {
    int status = response.getStatusCode();
    String toTag = ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
    if (outgoing && toTag != null && status < 300 && state != State.CONFIRMED) {
      remoteTag = toTag; // the early or confirmed dialog's peer tag
    }
    if (transaction != null && transaction == reinviteClient) {
      onReinviteResponse(response);
      return;
    }
    if (status == Response.TRYING) {
      markProceeding();
      return;
    }
    if (status < 200) {
      markProceeding();
      if (state == State.PROCEEDING && !cancelWanted) {
        listener.provisional(status, InviteMessages.body(response));
      }
      return;
    }
    if (status < 300) {
      onSuccess(transaction, response);
      return;
    }
    if ((status == 401 || status == 407)
        && state != State.TERMINATED
        && retryWithCredentials(response)) {
      return;
    }
    if (status == SessionTimer.SESSION_INTERVAL_TOO_SMALL
        && state != State.TERMINATED
        && retryWithLargerInterval(response)) {
      return;
    }
    if (state == State.TERMINATED || state == State.CONFIRMED) {
      return;
    }
    terminate();
    listener.failed(status, cancelWanted ? "Cancelled" : response.getReasonPhrase());
  }

  private void markProceeding() {
    if (state == State.CALLING) {
      state = State.PROCEEDING;
      if (cancelWanted) {
        sendCancel();
      }
    }
  }

  private void onSuccess(ClientTransaction transaction, Response response) {
    if (transaction != null && transaction.getDialog() != null) {
      dialog = transaction.getDialog();
    }
    if (state == State.CONFIRMED || state == State.TERMINATED) {
      sendAck(response, ackBody); // a retransmitted 2xx: our ACK was lost
      return;
    }
    state = State.CONFIRMED;
    if (cancelWanted) {
      // Our CANCEL crossed the 2xx (RFC 3261 §9.1): the call is up, so it ends with BYE.
      sendAck(response, null);
      bye();
      listener.failed(Response.REQUEST_TERMINATED, "Cancelled");
      return;
    }
    ackBody = listener.established(InviteMessages.body(response)).orElse(null);
    sendAck(response, ackBody);
    if (timer != null) {
      timer.answered(response);
    }
  }

  private void sendAck(Response response, String sdp) {
    try {
      long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
      Request ack = dialog.createAck(cseq);
      if (sdp != null) {
        ack.setContent(sdp, sip.headers().createContentTypeHeader("application", "sdp"));
      }
      dialog.sendAck(ack);
    } catch (SipException | InvalidArgumentException | ParseException e) {
      LOG.warn("Cannot ACK the 2xx of call {}: {}", callId, e.getMessage());
    }
  }

  private boolean retryWithCredentials(Response response) {
    if (!outgoing || session == null) {
      return false;
    }
    Optional<ChallengeAnswers.Answer> answer =
        owner
            .challenges()
            .answer(
                session,
                response,
                Request.INVITE,
                invite.getRequestURI().toString(),
                false,
                challengeAnswers);
    if (answer.isEmpty()) {
      return false;
    }
    challengeAnswers++;
    Request retry = (Request) invite.clone();
    retry.removeHeader(answer.get().header().getName());
    retry.addHeader(answer.get().header());
    return resend(retry, "with credentials");
  }

  // RFC 4028 §7.4: a 422 names the peer's Min-SE; ask again for that much, once per raise.
  private boolean retryWithLargerInterval(Response response) {
    Optional<Request> retry =
        outgoing && timer != null
            ? timer.retryAfter(response, invite, sip.headers())
            : Optional.empty();
    return retry.isPresent() && resend(retry.get(), "with a larger session interval");
  }

  private boolean resend(Request retry, String how) {
    try {
      CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
      cseq.setSeqNumber(cseq.getSeqNumber() + 1);
      ((ViaHeader) retry.getHeader(ViaHeader.NAME)).removeParameter("branch");
      Dialog old = dialog;
      state = State.CALLING;
      send(retry);
      if (old != null) {
        old.delete();
      }
      return true;
    } catch (SipException | InvalidArgumentException e) {
      LOG.info("Cannot resend the INVITE of call {} {}: {}", callId, how, e.getMessage());
      return false;
    }
  }

  private void onReinviteResponse(Response response) {
    int status = response.getStatusCode();
    if (status < 200) {
      return;
    }
    reinviteClient = null;
    if (status < 300) {
      sendAck(response, null);
      if (timer != null) {
        timer.answered(response);
      }
      listener.updated(InviteMessages.body(response));
    } else if ((status == 408 || status == 481) && timer != null) {
      // RFC 4028 §10: a refresh that times out or finds no dialog ends the session.
      sessionExpired();
    } else {
      listener.updated(Optional.empty());
    }
  }

  void onTimeout(ClientTransaction transaction) {
    if (transaction == inviteClient && state != State.CONFIRMED && state != State.TERMINATED) {
      terminate();
      listener.failed(Response.REQUEST_TIMEOUT, "The call got no answer from the network");
    } else if (transaction != null && transaction == reinviteClient) {
      reinviteClient = null;
      listener.updated(Optional.empty());
    } else if (refers.owns(transaction)) {
      refers.onReferTimeout();
    }
  }

  /** The INVITE could not even be sent (no route, connection refused). */
  void sendFailed(String detail) {
    if (state != State.TERMINATED) {
      terminate();
      listener.failed(Response.SERVICE_UNAVAILABLE, "The call could not be sent: " + detail);
    }
  }

  void onAck(Request ack) {
    if (!outgoing && state == State.ACCEPTED) {
      state = State.CONFIRMED;
      listener.established(InviteMessages.body(ack));
    }
  }

  void onBye() {
    if (state != State.TERMINATED) {
      terminate();
      listener.ended();
    }
  }

  /** The caller cancelled its INVITE: answer it 487 (the CANCEL itself got its 200). */
  void onCancel() {
    if (!outgoing && state == State.PROCEEDING) {
      respond(Response.REQUEST_TERMINATED, null);
      terminate();
      listener.failed(Response.REQUEST_TERMINATED, "The caller hung up");
    }
  }

  /** Answers the peer's re-INVITE: 200 with our answer, or 488 (with a Warning if we know why). */
  void onReinvite(ServerTransaction transaction, Request request) {
    var parts =
        new InviteMessages.AnswerParts(
            () -> owner.contact(localUser, InviteMessages.transportOf(request)), timer, callId);
    try {
      String offer = InviteMessages.body(request).orElse("");
      InviteMessages.answerReinvite(
          sip, transaction, request, listener.reoffered(offer), null, parts);
    } catch (OfferRefusedException e) {
      LOG.info("Refusing a re-INVITE in call {}: {}", callId, e.getMessage());
      InviteMessages.answerReinvite(
          sip, transaction, request, Optional.empty(), e.warning(), parts);
    }
  }

  void onInfo(Request request) {
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    String contentType = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
    listener.info(contentType, InviteMessages.body(request).orElse(""));
  }

  // --- what the core asks for ---

  @Override
  public void ringing() {
    if (!outgoing && state == State.PROCEEDING) {
      respond(Response.RINGING, null);
    }
  }

  @Override
  public void accept(String sdp) {
    if (!outgoing && state == State.PROCEEDING) {
      respond(Response.OK, sdp);
      state = State.ACCEPTED;
    }
  }

  @Override
  public void reject(int statusCode) {
    reject(statusCode, null);
  }

  @Override
  public void reject(int statusCode, SipWarning warning) {
    if (!outgoing && state == State.PROCEEDING) {
      respond(statusCode, null, WarningHeaders.of(sip, warning));
      terminate();
    }
  }

  @Override
  public void cancel() {
    if (!outgoing || state == State.CONFIRMED || state == State.TERMINATED) {
      return;
    }
    cancelWanted = true;
    if (state == State.PROCEEDING) {
      sendCancel();
    } // else: RFC 3261 §9.1: wait for a provisional response before sending CANCEL
  }

  private void sendCancel() {
    try {
      Request cancel = inviteClient.createCancel();
      sip.provider().getNewClientTransaction(cancel).sendRequest();
    } catch (SipException e) {
      LOG.info("Cannot CANCEL call {}: {}", callId, e.getMessage());
    }
  }

  @Override
  public void bye() {
    if (state != State.CONFIRMED && state != State.ACCEPTED) {
      return;
    }
    terminate();
    sendInDialog(Request.BYE, null, null);
  }

  @Override
  public void reinvite(String sdpOffer) {
    if (state != State.CONFIRMED || reinviteClient != null) {
      return;
    }
    reinviteClient = sendInDialog(Request.INVITE, "application/sdp", sdpOffer);
  }

  @Override
  public void info(String contentType, String body) {
    if (state == State.CONFIRMED) {
      sendInDialog(Request.INFO, contentType, body);
    }
  }

  @Override
  public void refer(ReferTo referTo, String referredBy) {
    if (state == State.CONFIRMED) {
      refers.refer(dialog, referTo, referredBy);
    }
  }

  @Override
  public void notifyReferProgress(SipFrag progress) {
    if (state == State.CONFIRMED) {
      refers.notifyProgress(dialog, progress);
    }
  }

  /** Sends a request built from this dialog's {@code createRequest} in a new transaction. */
  ClientTransaction sendInDialog(Request request) throws SipException {
    if (!Request.ACK.equals(request.getMethod()) && request.getHeader("Contact") == null) {
      request.setHeader(owner.contact(localUser, InviteMessages.transportOf(request)));
    }
    ClientTransaction transaction = sip.provider().getNewClientTransaction(request);
    dialog.sendRequest(transaction);
    return transaction;
  }

  private ClientTransaction sendInDialog(String method, String contentType, String body) {
    try {
      Request request = dialog.createRequest(method);
      if (Request.INVITE.equals(method)) {
        request.setHeader(owner.contact(localUser, InviteMessages.transportOf(request)));
        InviteMessages.addSupported(request, sip.headers(), InviteMessages.REPLACES);
        if (timer != null) {
          timer.addToRequest(request, sip.headers());
        }
      }
      if (body != null) {
        int slash = contentType.indexOf('/');
        request.setContent(
            body,
            sip.headers()
                .createContentTypeHeader(
                    contentType.substring(0, slash), contentType.substring(slash + 1)));
      }
      ClientTransaction transaction = sip.provider().getNewClientTransaction(request);
      dialog.sendRequest(transaction);
      return transaction;
    } catch (SipException | ParseException e) {
      LOG.info("Cannot send {} in call {}: {}", method, callId, e.getMessage());
      return null;
    }
  }

  private void respond(int status, String sdp) {
    respond(status, sdp, null);
  }

  private void respond(int status, String sdp, Header extra) {
    try {
      Response response = sip.messages().createResponse(status, invite);
      ((ToHeader) response.getHeader(ToHeader.NAME)).setTag(localTag);
      if (extra != null) {
        response.addHeader(extra);
      }
      if (status < 300) {
        response.addHeader(owner.contact(localUser, InviteMessages.transportOf(invite)));
        InviteMessages.addSupported(response, sip.headers(), InviteMessages.REPLACES);
        InviteMessages.copyRecordRoutes(invite, response);
        if (timer != null) {
          timer.answer(invite, response, sip.headers());
        }
      }
      if (sdp != null) {
        response.setContent(sdp, sip.headers().createContentTypeHeader("application", "sdp"));
      }
      inviteServer.sendResponse(response);
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Cannot answer the INVITE of call {} with {}: {}", callId, status, e.getMessage());
    }
  }

  private void terminate() {
    if (timer != null) {
      timer.stop();
    }
    state = State.TERMINATED;
    owner.forget(this);
  }
}

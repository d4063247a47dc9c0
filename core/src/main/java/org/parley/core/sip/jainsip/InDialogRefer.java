package org.parley.core.sip.jainsip;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.Header;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.Refer;
import org.parley.core.sip.ReferTo;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipFrag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REFER inside one INVITE dialog (RFC 3515) and its implicit subscription, both roles: as the
 * transferor we send REFER and take the NOTIFYs; as the transferee we accept the peer's REFER and
 * NOTIFY it of our new call's progress. Runs on the core's loop, for one {@link InviteDialog}.
 */
final class InDialogRefer {

  private static final Logger LOG = LoggerFactory.getLogger(InDialogRefer.class);
  private static final String EVENT_REFER = "refer";
  // RFC 3515 §2.4.4: the implicit subscription's duration is the notifier's choice.
  private static final int SUBSCRIPTION_SECONDS = (int) SipDialog.REFER_SUBSCRIPTION.toSeconds();

  private final SipFactories sip;
  private final InviteDialog owner;
  private ClientTransaction referClient;
  private long notifierCseq = -1;

  InDialogRefer(SipFactories sip, InviteDialog owner) {
    this.sip = sip;
    this.owner = owner;
  }

  // --- transferor ---

  void refer(Dialog dialog, ReferTo referTo, String referredBy) {
    if (referClient != null) {
      LOG.info("A REFER is still pending in call {}; not sending another", owner.callId());
      return;
    }
    try {
      Request request = dialog.createRequest(Request.REFER);
      request.addHeader(sip.headers().createHeader("Refer-To", referTo.format()));
      request.addHeader(sip.headers().createHeader("Referred-By", "<" + referredBy + ">"));
      referClient = owner.sendInDialog(request);
    } catch (SipException | ParseException e) {
      LOG.info("Cannot send REFER in call {}: {}", owner.callId(), e.getMessage());
      owner.listener().referAnswered(Response.SERVICE_UNAVAILABLE);
    }
  }

  boolean owns(ClientTransaction transaction) {
    return transaction != null && transaction == referClient;
  }

  void onReferResponse(Response response) {
    int status = response.getStatusCode();
    if (status < 200) {
      return;
    }
    referClient = null;
    owner.listener().referAnswered(status);
  }

  void onReferTimeout() {
    referClient = null;
    owner.listener().referAnswered(Response.REQUEST_TIMEOUT);
  }

  /** A NOTIFY in the dialog: answered 200 when it is the refer event, 489 otherwise. */
  void onNotify(ServerTransaction transaction, Request request) {
    EventHeader event = (EventHeader) request.getHeader(EventHeader.NAME);
    if (event == null || !EVENT_REFER.equalsIgnoreCase(event.getEventType())) {
      answer(transaction, request, Response.BAD_EVENT);
      return;
    }
    answer(transaction, request, Response.OK);
    SubscriptionStateHeader state =
        (SubscriptionStateHeader) request.getHeader(SubscriptionStateHeader.NAME);
    boolean terminated =
        state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState());
    Optional<SipFrag> progress = InviteMessages.body(request).flatMap(SipFrag::parse);
    if (progress.isEmpty()) {
      LOG.debug("A refer NOTIFY without a sipfrag status line in call {}", owner.callId());
      return;
    }
    owner.listener().referProgress(progress.get(), terminated);
  }

  // --- transferee ---

  /**
   * The peer's REFER: 400 unless it has exactly one parsable Refer-To, 403 for a target we do not
   * call (not SIP) or outside a confirmed dialog, then 202 and a first NOTIFY if the call takes it.
   */
  void onRefer(ServerTransaction transaction, Request request, boolean confirmed) {
    List<String> referTos = headerValues(request, "Refer-To");
    if (referTos.size() != 1) {
      answer(transaction, request, Response.BAD_REQUEST);
      return;
    }
    ReferTo referTo;
    try {
      referTo = ReferTo.parse(referTos.get(0));
    } catch (IllegalArgumentException e) {
      LOG.info("A REFER with an unusable Refer-To in call {}: {}", owner.callId(), e.getMessage());
      answer(transaction, request, Response.BAD_REQUEST);
      return;
    }
    if (!referTo.isSip() || !confirmed) {
      answer(transaction, request, Response.FORBIDDEN);
      return;
    }
    List<String> referredBy = headerValues(request, "Referred-By");
    DialogListener listener = owner.listener();
    Refer refer = new Refer(referTo, referredBy.stream().findFirst());
    if (!listener.referred(refer)) {
      answer(transaction, request, Response.DECLINE);
      return;
    }
    answer(transaction, request, Response.ACCEPTED);
    notifierCseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    notifyProgress(owner.stackDialog(), new SipFrag(Response.TRYING, "Trying"));
  }

  /** NOTIFYs the referrer; after a final status the subscription is over and nothing more goes. */
  void notifyProgress(Dialog dialog, SipFrag progress) {
    if (notifierCseq < 0) {
      return;
    }
    try {
      Request notify = dialog.createRequest(Request.NOTIFY);
      EventHeader event = sip.headers().createEventHeader(EVENT_REFER);
      event.setEventId(Long.toString(notifierCseq));
      notify.addHeader(event);
      SubscriptionStateHeader state;
      if (progress.isFinal()) {
        state = sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
        state.setReasonCode("noresource");
        notifierCseq = -1;
      } else {
        state = sip.headers().createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
        state.setExpires(SUBSCRIPTION_SECONDS);
      }
      notify.addHeader(state);
      notify.setContent(
          progress.format(), sip.headers().createContentTypeHeader("message", "sipfrag"));
      owner.sendInDialog(notify);
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.info("Cannot NOTIFY the referrer in call {}: {}", owner.callId(), e.getMessage());
    }
  }

  private void answer(ServerTransaction transaction, Request request, int status) {
    try {
      transaction.sendResponse(sip.messages().createResponse(status, request));
    } catch (SipException | ParseException | InvalidArgumentException e) {
      LOG.debug("Cannot answer a {} with {}: {}", request.getMethod(), status, e.getMessage());
    }
  }

  /** The raw values of every {@code name} header, as written (jain-sip re-encodes them). */
  static List<String> headerValues(Message message, String name) {
    List<String> values = new ArrayList<>();
    ListIterator<?> headers = message.getHeaders(name);
    while (headers.hasNext()) {
      String encoded = ((Header) headers.next()).toString();
      values.add(encoded.substring(encoded.indexOf(':') + 1).trim());
    }
    return values;
  }
}

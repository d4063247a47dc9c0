package org.parley.server.sip.jainsip;

import java.text.ParseException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Hop;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.server.store.Binding;
import org.parley.server.store.MessageStore;
import org.parley.server.store.StoredMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Instant messages (RFC 3428) for users who are offline: kept on disk and answered 202 Accepted,
 * then sent to the user's contacts when the user registers. A message is removed only after a
 * contact answered it with 2xx. Every delivery attempt of one message carries the same Call-ID, so
 * a client that sees it twice (the server crashed between the 2xx and the removal) can tell.
 */
final class OfflineMessages {

  /** The largest body kept: chat text, not file transfer. */
  static final int MAX_BODY_BYTES = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(OfflineMessages.class);
  private static final String IS_COMPOSING = "application/im-iscomposing+xml";
  private static final TimeZone GMT = TimeZone.getTimeZone("GMT");

  /** One delivery of one message to every contact of its recipient. */
  private record Attempt(long messageId, AtomicInteger branchesLeft, AtomicBoolean delivered) {}

  private final SipContext sip;
  private final Responses responses;
  private final ProxyCore proxy;
  private final MessageStore store;
  private final Clock clock;
  private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
  // Recipients that may have messages waiting: a registration looks in the store only for them,
  // so the common REGISTER costs no extra database work. Filled from the store at start.
  private final Set<String> waiting = ConcurrentHashMap.newKeySet();

  OfflineMessages(
      SipContext sip, Responses responses, ProxyCore proxy, MessageStore store, Clock clock) {
    this.sip = sip;
    this.responses = responses;
    this.proxy = proxy;
    this.store = store;
    this.clock = clock;
    store
        .recipients()
        .whenComplete(
            (recipients, failure) -> {
              if (failure != null) {
                LOG.error("Could not read whom stored messages are for", failure);
              } else {
                waiting.addAll(recipients);
              }
            });
  }

  /** Whether a request for a user with no contact is kept: a MESSAGE, but no typing indication. */
  boolean keeps(Request request) {
    if (!Request.MESSAGE.equals(request.getMethod())) {
      return false;
    }
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    return type != null && !IS_COMPOSING.equalsIgnoreCase(contentType(type));
  }

  /**
   * Stores the MESSAGE and answers 202 once it is on disk (413 when it is too large to keep). The
   * answer goes through a server transaction, so a retransmission is absorbed by it (and answered
   * again) instead of being authenticated again with a used nonce-count.
   */
  void keep(RequestEvent event, String recipientAor) {
    keepCopies(event, List.of(recipientAor), null, () -> {});
  }

  /**
   * Stores one copy of the MESSAGE per recipient and answers 202 once all are on disk, then runs
   * {@code afterStored}. With a {@code sender}, each copy's From is that address instead of the
   * request's and each copy gets its own message key (a group chat room relaying to its members).
   */
  void keepCopies(
      RequestEvent event, List<String> recipientAors, String sender, Runnable afterStored) {
    Request request = event.getRequest();
    ServerTransaction transaction;
    try {
      transaction =
          event.getServerTransaction() != null
              ? event.getServerTransaction()
              : sip.provider().getNewServerTransaction(request);
    } catch (SipException e) {
      LOG.debug("No server transaction for a MESSAGE (retransmission?): {}", e.getMessage());
      return;
    }
    byte[] body = request.getRawContent() == null ? new byte[0] : request.getRawContent();
    if (body.length > MAX_BODY_BYTES) {
      responses.send(
          transaction,
          responses.create(
              request,
              Response.REQUEST_ENTITY_TOO_LARGE,
              "Messages for offline users are kept up to " + MAX_BODY_BYTES + " bytes"));
      return;
    }
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
    List<CompletableFuture<StoredMessage>> stored = new ArrayList<>();
    for (String recipientAor : recipientAors) {
      StoredMessage message =
          new StoredMessage(
              0,
              sender == null ? messageKey(request) : messageKey(request) + "|" + recipientAor,
              recipientAor,
              sender == null ? from.getAddress().toString() : sender,
              contentType(type),
              body,
              clock.instant());
      stored.add(store.add(message).toCompletableFuture());
    }
    CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new))
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                LOG.error("Could not keep a message for {}", recipientAors, failure);
                responses.send(
                    transaction,
                    responses.create(
                        request, Response.SERVER_INTERNAL_ERROR, "Could not store the message"));
              } else {
                waiting.addAll(recipientAors);
                responses.send(
                    transaction,
                    responses.create(request, Response.ACCEPTED, "Stored for delivery"));
                afterStored.run();
              }
            });
  }

  /** Sends every waiting message of {@code recipientAor} to its contacts. */
  void deliver(String recipientAor, List<Binding> contacts) {
    if (contacts.isEmpty() || !waiting.contains(recipientAor)) {
      return;
    }
    store
        .pendingFor(recipientAor)
        .whenComplete(
            (messages, failure) -> {
              if (failure != null) {
                LOG.error("Could not read the messages waiting for {}", recipientAor, failure);
                return;
              }
              if (messages.isEmpty()) {
                // A message stored meanwhile adds the recipient again after its commit.
                waiting.remove(recipientAor);
              }
              for (StoredMessage message : messages) {
                if (inFlight.add(message.id())) {
                  send(message, contacts);
                }
              }
            });
  }

  boolean ownsResponse(ResponseEvent event) {
    ClientTransaction transaction = event.getClientTransaction();
    return transaction != null && transaction.getApplicationData() instanceof Attempt;
  }

  boolean ownsTimeout(TimeoutEvent event) {
    return !event.isServerTransaction()
        && event.getClientTransaction().getApplicationData() instanceof Attempt;
  }

  void response(ResponseEvent event) {
    Attempt attempt = (Attempt) event.getClientTransaction().getApplicationData();
    int status = event.getResponse().getStatusCode();
    if (status < 200) {
      return;
    }
    if (status < 300) {
      if (attempt.delivered().compareAndSet(false, true)) {
        store
            .remove(attempt.messageId())
            .whenComplete((done, failure) -> inFlight.remove(attempt.messageId()));
      }
      return;
    }
    branchFailed(attempt);
  }

  void timeout(TimeoutEvent event) {
    branchFailed((Attempt) event.getClientTransaction().getApplicationData());
  }

  private void branchFailed(Attempt attempt) {
    if (attempt.branchesLeft().decrementAndGet() == 0 && !attempt.delivered().get()) {
      // Kept for the next registration.
      inFlight.remove(attempt.messageId());
    }
  }

  private void send(StoredMessage message, List<Binding> contacts) {
    Attempt attempt =
        new Attempt(message.id(), new AtomicInteger(contacts.size()), new AtomicBoolean());
    for (Binding contact : contacts) {
      try {
        String branch = "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        Request request = request(message, contact, proxy.ourVia("udp", branch));
        Hop hop = proxy.routeTo(contact, request);
        request.setHeader(proxy.ourVia(hop.getTransport(), branch));
        HopRouter.via(
            hop,
            () -> {
              ClientTransaction transaction = sip.provider().getNewClientTransaction(request);
              transaction.setApplicationData(attempt);
              transaction.sendRequest();
              return null;
            });
      } catch (SipException | ParseException | InvalidArgumentException e) {
        LOG.info(
            "Could not deliver a stored message to {}: {}", contact.contactUri(), e.getMessage());
        branchFailed(attempt);
      }
    }
  }

  private Request request(StoredMessage message, Binding contact, ViaHeader via)
      throws ParseException, InvalidArgumentException {
    FromHeader from =
        sip.headers()
            .createFromHeader(
                sip.addresses().createAddress(message.sender()),
                UUID.randomUUID().toString().substring(0, 8));
    CallIdHeader callId =
        sip.headers().createCallIdHeader(deliveryCallId(message.messageKey()) + "@" + sip.domain());
    CSeqHeader cseq = sip.headers().createCSeqHeader(1L, Request.MESSAGE);
    ContentTypeHeader type =
        (ContentTypeHeader)
            sip.headers().createHeader(ContentTypeHeader.NAME, message.contentType());
    Request request =
        sip.messages()
            .createRequest(
                sip.addresses().createURI(contact.contactUri()),
                Request.MESSAGE,
                callId,
                cseq,
                from,
                sip.headers()
                    .createToHeader(sip.addresses().createAddress(message.recipientAor()), null),
                new ArrayList<>(List.of(via)),
                sip.headers().createMaxForwardsHeader(70),
                type,
                message.body());
    Calendar receivedAt = Calendar.getInstance(GMT, Locale.ROOT);
    receivedAt.setTimeInMillis(message.receivedAt().toEpochMilli());
    // RFC 3428 §7: the Date of a stored message says when it was sent, not when it arrives.
    request.setHeader(sip.headers().createDateHeader(receivedAt));
    return request;
  }

  private static String contentType(ContentTypeHeader type) {
    String value = type.getContentType() + "/" + type.getContentSubType();
    String charset = type.getParameter("charset");
    return charset == null ? value : value + ";charset=" + charset;
  }

  /** Call-ID, CSeq and From tag: what a retransmission of the sender's request shares. */
  private static String messageKey(Request request) {
    return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId()
        + "|"
        + ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber()
        + "|"
        + ((FromHeader) request.getHeader(FromHeader.NAME)).getTag();
  }

  private static String deliveryCallId(String messageKey) {
    return "stored-" + Sha256Hex.of(messageKey, 12);
  }
}

package org.parley.core.im;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.MessageSent;
import org.parley.core.im.MessageEvent.PeerComposing;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.EventLoop.Cancellable;
import org.parley.core.sip.IncomingRequest;
import org.parley.core.sip.OutgoingRequest;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.RequestIds;
import org.parley.core.sip.RequestOutcome;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.TargetUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An account's instant messages (RFC 3428, page mode): sends text and typing indications (RFC
 * 3994), takes the peers' and reports both as {@link MessageEvent}s. Methods may be called from any
 * thread; the work runs on the core's loop.
 */
public final class Messaging {

  /** The most text one MESSAGE carries, in UTF-8 bytes (our server stores up to 8 KiB). */
  public static final int MAX_TEXT_BYTES = 4096;

  /** The largest body taken from a peer; larger ones get 413. */
  static final int MAX_INCOMING_BYTES = 8192;

  static final String TEXT_PLAIN = "text/plain";
  private static final Logger LOG = LoggerFactory.getLogger(Messaging.class);
  private static final int REMEMBERED_MESSAGES = 512;
  private static final Pattern CHARSET =
      Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

  private final String domain;
  private final SipUserAgent sip;
  private final EventLoop loop;
  private final Supplier<RegisterSession> session;
  private final Clock clock;
  private final List<MessageListener> listeners = new CopyOnWriteArrayList<>();
  // Recently received message ids: a server that redelivers a stored message uses the same ids.
  private final Map<String, Boolean> seen =
      new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_MESSAGES;
        }
      };
  private final Map<String, Cancellable> composingTimeouts = new HashMap<>();

  public Messaging(
      String domain,
      SipUserAgent sip,
      EventLoop loop,
      Supplier<RegisterSession> session,
      Clock clock) {
    this.domain = domain;
    this.sip = sip;
    this.loop = loop;
    this.session = session;
    this.clock = clock;
  }

  public void addListener(MessageListener listener) {
    listeners.add(listener);
  }

  public void removeListener(MessageListener listener) {
    listeners.remove(listener);
  }

  /**
   * Sends {@code text} to {@code target} ({@code sip:user@host}, {@code user@host} or a user of our
   * domain); {@link MessageSent} follows, then {@link MessageDelivered} or {@link MessageFailed}.
   *
   * @return the message's id, which its events carry
   * @throws MessageTooLargeException when the text exceeds {@link #MAX_TEXT_BYTES}
   * @throws IllegalArgumentException when the text is empty
   */
  public String send(String target, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new IllegalArgumentException("The message is empty");
    }
    if (body.length > MAX_TEXT_BYTES) {
      throw new MessageTooLargeException(body.length, MAX_TEXT_BYTES);
    }
    String peerUri = TargetUri.of(target, domain);
    String messageId = UUID.randomUUID().toString();
    loop.execute(() -> sendOnLoop(messageId, peerUri, text, body));
    return messageId;
  }

  private void sendOnLoop(String messageId, String peerUri, String text, byte[] body) {
    try {
      sip.send(
          session.get(),
          message(peerUri, TEXT_PLAIN + ";charset=UTF-8", body),
          outcome -> delivered(messageId, peerUri, outcome));
    } catch (IllegalArgumentException e) {
      LOG.info("A message to {} could not be built: {}", peerUri, e.getMessage());
      emit(new MessageFailed(messageId, peerUri, 400, "Not a valid target: " + peerUri));
      return;
    }
    emit(new MessageSent(messageId, peerUri, text, clock.instant()));
  }

  private void delivered(String messageId, String peerUri, RequestOutcome outcome) {
    if (outcome.success()) {
      emit(new MessageDelivered(messageId, peerUri, outcome.statusCode()));
    } else {
      emit(new MessageFailed(messageId, peerUri, outcome.statusCode(), outcome.reasonPhrase()));
    }
  }

  /** Tells {@code target} we are typing ({@code true}) or stopped; failures are only logged. */
  public void sendComposing(String target, boolean composing) {
    String peerUri = TargetUri.of(target, domain);
    loop.execute(
        () ->
            sip.send(
                session.get(),
                message(peerUri, IsComposing.CONTENT_TYPE, IsComposing.document(composing)),
                outcome -> {
                  if (!outcome.success()) {
                    LOG.debug("Typing indication to {} got {}", peerUri, outcome.statusCode());
                  }
                }));
  }

  private static OutgoingRequest message(String peerUri, String contentType, byte[] body) {
    return new OutgoingRequest(
        "MESSAGE", peerUri, peerUri, RequestIds.fresh(), List.of(), Optional.of(contentType), body);
  }

  /**
   * A MESSAGE for this account (on the loop).
   *
   * @return the status to answer: 200, 413 (too large) or 415 (not text or a typing indication)
   */
  public int onMessage(IncomingRequest request) {
    byte[] body = request.body();
    if (body.length > MAX_INCOMING_BYTES) {
      return 413;
    }
    String type = request.contentType().orElse("");
    if (IsComposing.CONTENT_TYPE.equals(type)) {
      composing(request.fromUri(), IsComposing.parse(body));
      return 200;
    }
    if (!TEXT_PLAIN.equals(type)) {
      return 415;
    }
    Optional<Charset> charset = charset(request.header("Content-Type").orElse(""));
    if (charset.isEmpty()) {
      return 415;
    }
    String messageId = request.callId() + "|" + request.cseq();
    if (seen.put(messageId, Boolean.TRUE) != null) {
      return 200; // a redelivery: answered again, shown once
    }
    Instant receivedAt = clock.instant();
    // A message also ends the sender's composing state (RFC 3994 §3.3).
    Cancellable pending = composingTimeouts.remove(request.fromUri());
    if (pending != null) {
      pending.cancel();
    }
    emit(
        new MessageReceived(
            messageId,
            request.fromUri(),
            DisplayText.sanitize(request.fromDisplayName()),
            DisplayText.sanitize(new String(body, charset.get())),
            request.header("Date").flatMap(Messaging::date).orElse(receivedAt),
            receivedAt));
    return 200;
  }

  private void composing(String peerUri, IsComposing state) {
    Cancellable previous = composingTimeouts.remove(peerUri);
    if (previous != null) {
      previous.cancel();
    }
    emit(new PeerComposing(peerUri, state.active(), state.refresh()));
    if (state.active()) {
      composingTimeouts.put(
          peerUri,
          loop.schedule(
              state.refresh(),
              () -> {
                composingTimeouts.remove(peerUri);
                emit(new PeerComposing(peerUri, false, Duration.ZERO));
              }));
    }
  }

  // RFC 3428 leaves text/plain's charset to MIME, whose default is US-ASCII; UTF-8 is a superset.
  private static Optional<Charset> charset(String contentType) {
    Matcher matcher = CHARSET.matcher(contentType);
    if (!matcher.find()) {
      return Optional.of(StandardCharsets.UTF_8);
    }
    try {
      return Optional.of(Charset.forName(matcher.group(1).toLowerCase(Locale.ROOT)));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> date(String value) {
    try {
      return Optional.of(
          ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private void emit(MessageEvent event) {
    for (MessageListener listener : listeners) {
      try {
        listener.onMessageEvent(event);
      } catch (RuntimeException e) {
        // One faulty listener must not keep the event from the others.
        LOG.error("A message listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }
}

package org.parley.core.im;

import java.time.Duration;
import java.time.Instant;

/** What happened to an account's instant messages; delivered to listeners on the core's loop. */
public sealed interface MessageEvent {

  /** The other side of the conversation, a SIP URI. */
  String peerUri();

  /** Our MESSAGE left for {@code peerUri}; its outcome follows as delivered or failed. */
  record MessageSent(String messageId, String peerUri, String text, Instant sentAt)
      implements MessageEvent {}

  /**
   * The server or peer accepted our message.
   *
   * @param statusCode 200 when the peer took it, 202 when the server stored it for an offline peer
   */
  record MessageDelivered(String messageId, String peerUri, int statusCode)
      implements MessageEvent {

    /** Whether the server keeps it until the peer comes online (202 Accepted). */
    public boolean storedForLater() {
      return statusCode == 202;
    }
  }

  /**
   * Our message was refused or not answered.
   *
   * @param statusCode the SIP status (404, 413, 480...), 408 when nobody answered, 503 when it
   *     could not be sent
   * @param reason the reason phrase, for the user
   */
  record MessageFailed(String messageId, String peerUri, int statusCode, String reason)
      implements MessageEvent {}

  /**
   * A peer's message arrived.
   *
   * @param messageId stable across redeliveries of the same request (Call-ID and CSeq)
   * @param peerDisplayName sanitized like the text; empty when none was given
   * @param text the body, sanitized for display ({@link DisplayText})
   * @param sentAt when it was sent (its Date header), or when it arrived if it had none
   */
  record MessageReceived(
      String messageId,
      String peerUri,
      String peerDisplayName,
      String text,
      Instant sentAt,
      Instant receivedAt)
      implements MessageEvent {}

  /**
   * A peer started or stopped typing to us (RFC 3994).
   *
   * @param composing whether the peer is typing
   * @param lastsFor how long "composing" holds without a refresh; an idle event follows then
   */
  record PeerComposing(String peerUri, boolean composing, Duration lastsFor)
      implements MessageEvent {}
}

package org.parley.core.im;

import java.time.Instant;

/**
 * One message of the chat history.
 *
 * @param id the history's row id, 0 before it is stored
 * @param account our address of record
 * @param peerUri the other side of the conversation
 * @param messageKey our id for a sent message, the sender's for a received one
 * @param text the text as shown (received text is already sanitized)
 * @param sentAt when it was sent
 * @param read whether the user has seen it (sent messages are always read)
 */
public record ChatMessage(
    long id,
    String account,
    String peerUri,
    Direction direction,
    String messageKey,
    String text,
    Instant sentAt,
    DeliveryState state,
    boolean read) {

  /** Which way a message went. */
  public enum Direction {
    INCOMING,
    OUTGOING
  }

  /** Where a message stands. */
  public enum DeliveryState {
    /** Ours, not yet answered. */
    SENDING,
    /** Ours, taken by the peer (2xx). */
    DELIVERED,
    /** Ours, kept by the server until the peer comes online (202). */
    STORED_FOR_LATER,
    /** Ours, refused or unanswered. */
    FAILED,
    /** The peer's. */
    RECEIVED
  }

  public ChatMessage withId(long newId) {
    return new ChatMessage(
        newId, account, peerUri, direction, messageKey, text, sentAt, state, read);
  }
}

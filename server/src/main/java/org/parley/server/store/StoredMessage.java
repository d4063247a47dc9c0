package org.parley.server.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An instant message (RFC 3428) the server accepted for a user who was offline, kept until it is
 * delivered.
 *
 * @param id the store's number for it; 0 before it is stored
 * @param messageKey what identifies the sender's request (Call-ID, CSeq, From tag), so that a
 *     retransmission is stored once; also the Call-ID of every delivery attempt, so that the
 *     recipient can recognise a second delivery of the same message
 * @param recipientAor the canonical address-of-record it is for
 * @param sender the sender's From address, without its tag
 * @param contentType the Content-Type header value
 * @param body the body bytes as received
 * @param receivedAt when the server accepted it
 */
public record StoredMessage(
    long id,
    String messageKey,
    String recipientAor,
    String sender,
    String contentType,
    byte[] body,
    Instant receivedAt) {

  public StoredMessage {
    Objects.requireNonNull(messageKey, "messageKey");
    Objects.requireNonNull(recipientAor, "recipientAor");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** The same message with the id the store gave it. */
  public StoredMessage withId(long storedId) {
    return new StoredMessage(
        storedId, messageKey, recipientAor, sender, contentType, body, receivedAt);
  }
}

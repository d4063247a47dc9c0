package org.parley.server.store;

import java.time.Instant;

/**
 * One PUBLISH's event state (RFC 3903 §4) as the presence agent keeps it across restarts.
 *
 * @param entityTag the entity-tag the 200 to the PUBLISH carried (SIP-ETag)
 * @param presentity the address of record it describes, such as {@code sip:bob@example.com}
 * @param contentType the body's media type, such as {@code application/pidf+xml}
 * @param body the published document
 * @param expiresAt when the publication lapses unless refreshed
 * @param modifiedAt when its document was last set, so the latest of a presentity's wins
 */
public record StoredPublication(
    String entityTag,
    String presentity,
    String contentType,
    byte[] body,
    Instant expiresAt,
    Instant modifiedAt) {}

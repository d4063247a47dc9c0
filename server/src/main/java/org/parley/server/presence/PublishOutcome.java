package org.parley.server.presence;

/** What a PUBLISH (RFC 3903) did to a presentity's state. */
public sealed interface PublishOutcome {

  /** Stored or refreshed: the 200 carries the new entity-tag and the granted expiry. */
  record Published(String entityTag, long expiresSeconds) implements PublishOutcome {}

  /** The publication named by SIP-If-Match was removed (Expires: 0). */
  record Removed() implements PublishOutcome {}

  /** SIP-If-Match names no current publication: 412 Conditional Request Failed. */
  record UnknownEntityTag() implements PublishOutcome {}

  /** A non-zero expiry below the minimum: 423 with Min-Expires. */
  record IntervalTooBrief(long minExpiresSeconds) implements PublishOutcome {}

  /** The change could not be stored durably, so none was made: 500. */
  record NotStored() implements PublishOutcome {}

  /** An initial PUBLISH without a body: 400. */
  record MissingBody() implements PublishOutcome {}
}

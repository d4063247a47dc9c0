package org.parley.core.calllog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the local call history.
 *
 * @param id the store's number for it; 0 before it is stored
 * @param account the account's address-of-record, e.g. {@code sip:alice@office.example}
 * @param direction who called
 * @param peerUri the other party's SIP URI
 * @param peerDisplayName the other party's display name, empty when none was given
 * @param startedAt when the INVITE was sent or received
 * @param answeredAt when the call was answered, if it was
 * @param endedAt when it ended
 * @param disposition how it ended
 * @param statusCode the SIP status that ended it when it failed or was rejected, 0 otherwise
 * @param codec the audio codec used (e.g. {@code opus}), if media flowed
 * @param quality the audio quality summary, if media flowed
 */
public record CallRecord(
    long id,
    String account,
    CallDirection direction,
    String peerUri,
    String peerDisplayName,
    Instant startedAt,
    Optional<Instant> answeredAt,
    Instant endedAt,
    CallDisposition disposition,
    int statusCode,
    Optional<String> codec,
    Optional<CallQuality> quality) {

  public CallRecord {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(peerUri, "peerUri");
    Objects.requireNonNull(peerDisplayName, "peerDisplayName");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(answeredAt, "answeredAt");
    Objects.requireNonNull(endedAt, "endedAt");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(quality, "quality");
  }

  /** The same record with the id the store gave it. */
  public CallRecord withId(long storedId) {
    return new CallRecord(
        storedId,
        account,
        direction,
        peerUri,
        peerDisplayName,
        startedAt,
        answeredAt,
        endedAt,
        disposition,
        statusCode,
        codec,
        quality);
  }
}

package org.parley.core.presence;

/** What happened to an account's presence; delivered to listeners on the core's loop. */
public sealed interface PresenceEvent {

  /**
   * A watched buddy's status as notified (RFC 3856).
   *
   * @param note the buddy's free-text note, empty when none
   */
  record BuddyStatusChanged(String buddyUri, PresenceStatus status, String note)
      implements PresenceEvent {}

  /** Our status is published (RFC 3903) as {@code status}. */
  record StatusPublished(PresenceStatus status) implements PresenceEvent {}

  /** Publishing our status failed; it is tried again with the next change or refresh. */
  record PublishFailed(int statusCode, String reason) implements PresenceEvent {}

  /** Watching a buddy failed (403, 404...); no status will come for it. */
  record WatchFailed(String buddyUri, int statusCode, String reason) implements PresenceEvent {}
}

package org.parley.core.voicemail;

/** What happened to an account's message-waiting indication; delivered on the core's loop. */
public sealed interface VoicemailEvent {

  /** The mailbox's server sent its message summary (RFC 3842), changed or not. */
  record MessagesWaitingChanged(MessageSummary summary) implements VoicemailEvent {}

  /**
   * Subscribing to the mailbox failed (403, 404, 489 when the server has no voicemail...); no
   * summary will come until {@link Voicemail#watch()} is called again.
   */
  record WatchFailed(int statusCode, String reason) implements VoicemailEvent {}
}

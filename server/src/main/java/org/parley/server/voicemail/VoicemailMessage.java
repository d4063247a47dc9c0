package org.parley.server.voicemail;

import java.time.Instant;
import java.util.Objects;

/**
 * One message left in a mailbox.
 *
 * @param id the index's id; 0 before it is indexed
 * @param mailbox the user name the message was left for
 * @param caller the caller's From address as it arrived
 * @param receivedAt when the caller was answered
 * @param durationMillis the recorded audio's length
 * @param heard whether the owner has marked it heard
 * @param fileName the audio file's name in the voicemail folder
 */
public record VoicemailMessage(
    long id,
    String mailbox,
    String caller,
    Instant receivedAt,
    long durationMillis,
    boolean heard,
    String fileName) {

  /** Checks that no field is null. */
  public VoicemailMessage {
    Objects.requireNonNull(mailbox, "mailbox");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(fileName, "fileName");
  }

  /** The same message with its index id. */
  public VoicemailMessage withId(long newId) {
    return new VoicemailMessage(
        newId, mailbox, caller, receivedAt, durationMillis, heard, fileName);
  }
}

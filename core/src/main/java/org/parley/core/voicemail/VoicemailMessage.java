package org.parley.core.voicemail;

import java.time.Duration;
import java.time.Instant;
import org.parley.core.sip.Subscription;

/**
 * One message in the mailbox, as the server's API lists it.
 *
 * @param id the server's number for it, unique within the mailbox
 * @param from the caller's From address as it arrived ({@code "Dora" <sip:dora@example.com>})
 * @param receivedAt when the mailbox answered the call
 * @param durationSeconds how long the recording is
 * @param heard whether it was marked heard (an old message in the summary)
 */
public record VoicemailMessage(
    long id, String from, Instant receivedAt, double durationSeconds, boolean heard) {

  public Duration duration() {
    return Duration.ofMillis(Math.round(durationSeconds * 1000));
  }

  /** The caller's SIP URI without display name or parameters, e.g. {@code sip:dora@example.com}. */
  public String callerUri() {
    return Subscription.uriOf(from);
  }

  /** The caller's display name from the From header, empty when it had none. */
  public String callerName() {
    int open = from.indexOf('<');
    if (open <= 0) {
      return "";
    }
    String name = from.substring(0, open).trim();
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      name = name.substring(1, name.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
    }
    return name.trim();
  }

  /** The same message, marked heard. */
  public VoicemailMessage asHeard() {
    return new VoicemailMessage(id, from, receivedAt, durationSeconds, true);
  }
}

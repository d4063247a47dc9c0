package org.parley.server.voicemail;

import java.time.Duration;
import java.util.Objects;

/**
 * When calls go to voicemail and how long a message may be.
 *
 * @param noAnswer how long a call to a registered user rings before the mailbox answers
 * @param maxMessage the longest message recorded; the agent hangs up then
 * @param silence how long the caller may be silent (or send nothing) before the agent hangs up
 */
public record VoicemailSettings(Duration noAnswer, Duration maxMessage, Duration silence) {

  /** 20 s ring, 2 min messages, 10 s of silence. */
  public static final VoicemailSettings DEFAULT =
      new VoicemailSettings(Duration.ofSeconds(20), Duration.ofMinutes(2), Duration.ofSeconds(10));

  /** Checks that every duration is positive. */
  public VoicemailSettings {
    for (Duration duration : new Duration[] {noAnswer, maxMessage, silence}) {
      Objects.requireNonNull(duration, "duration");
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("voicemail durations must be positive: " + duration);
      }
    }
  }
}

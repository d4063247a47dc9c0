package org.parley.core.call;

import java.time.Duration;
import java.util.Objects;
import org.parley.core.sip.SipDialog;

/**
 * What an account does with a peer's REFER (RFC 3515) in one of its calls: follow it at once, ask
 * the user first, or always stay.
 *
 * @param mode follow, ask or decline
 * @param decisionTimeout how long an asked user has before the transfer is declined for them
 */
public record TransferConsent(Mode mode, Duration decisionTimeout) {

  /** How a peer's transfer is taken. */
  public enum Mode {
    /** Call the target at once (what headless phones do). */
    FOLLOW,
    /** Announce {@link CallEvent.TransferRequested} and wait for the user's choice. */
    ASK,
    /** Refuse every REFER with 603 Decline. */
    DECLINE
  }

  /** The time a user gets to choose by default. */
  public static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofSeconds(30);

  /** The longest a user may take: the REFER's subscription with a few seconds to report. */
  public static final Duration LONGEST_DECISION_TIMEOUT =
      SipDialog.REFER_SUBSCRIPTION.minusSeconds(5);

  public static final TransferConsent FOLLOW = new TransferConsent(Mode.FOLLOW, Duration.ZERO);
  public static final TransferConsent DECLINE = new TransferConsent(Mode.DECLINE, Duration.ZERO);

  public TransferConsent {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(decisionTimeout, "decisionTimeout");
    if (mode == Mode.ASK && (decisionTimeout.isNegative() || decisionTimeout.isZero())) {
      throw new IllegalArgumentException("Asking needs a positive decision timeout");
    }
    // The referrer hears the outcome through the REFER's subscription: a choice made after it
    // ended would reach nobody, and the transferor would be left guessing.
    if (mode == Mode.ASK && decisionTimeout.compareTo(LONGEST_DECISION_TIMEOUT) > 0) {
      throw new IllegalArgumentException(
          "A decision timeout must end before the REFER's subscription does ("
              + LONGEST_DECISION_TIMEOUT.toSeconds()
              + " s at most)");
    }
  }

  /** Ask the user, who gets {@link #DEFAULT_DECISION_TIMEOUT} to choose. */
  public static TransferConsent ask() {
    return ask(DEFAULT_DECISION_TIMEOUT);
  }

  /** Ask the user, declining for them after {@code decisionTimeout}. */
  public static TransferConsent ask(Duration decisionTimeout) {
    return new TransferConsent(Mode.ASK, decisionTimeout);
  }
}

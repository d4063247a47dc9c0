package org.parley.core.sip;

import java.util.Optional;

/** What happens in a {@link SipDialog}, reported on the core's loop. */
public interface DialogListener {

  /** A 1xx other than 100 arrived for our INVITE, with SDP when it carries early media. */
  void provisional(int statusCode, Optional<String> sdp);

  /**
   * The INVITE succeeded: for ours the 2xx arrived (its SDP given), for the peer's its ACK arrived
   * (with SDP only after a late offer).
   *
   * @return for our late-offer INVITE, the SDP answer to put in the ACK; empty otherwise
   */
  Optional<String> established(Optional<String> sdp);

  /** Our INVITE got a final error (or timed out: status 408), or the peer's was cancelled (487). */
  void failed(int statusCode, String reason);

  /** The peer sent BYE. */
  void ended();

  /**
   * The peer sent a re-INVITE.
   *
   * @return our SDP answer, or empty to refuse it with 488
   * @throws OfferRefusedException to refuse it with 488 and a Warning saying why; the session stays
   *     as it was
   */
  Optional<String> reoffered(String sdpOffer) throws OfferRefusedException;

  /** The answer to our re-INVITE arrived (empty when it failed). */
  void updated(Optional<String> sdpAnswer);

  /** The peer sent INFO; it has been answered 200. */
  void info(String contentType, String body);

  /**
   * The peer sent REFER (checked: one SIP Refer-To). The answer is sent at once: 202 Accepted and a
   * first NOTIFY (100 Trying) when accepted, then progress goes through {@code
   * notifyReferProgress}. Accepting only promises an outcome: a transfer the user then declines
   * ends with a final NOTIFY of 603.
   *
   * @return whether we accept it; refused ones get 603 Declined
   */
  default boolean referred(Refer refer) {
    return false;
  }

  /** The final answer to our REFER (202, or a failure such as 403, 405 or 408). */
  default void referAnswered(int statusCode) {}

  /** A NOTIFY of our REFER's subscription arrived (it has been answered 200). */
  default void referProgress(SipFrag progress, boolean subscriptionTerminated) {}

  /** The session timers (RFC 4028) our INVITE asks for; read once, before it is sent. */
  default SessionTimerSettings sessionTimers() {
    return SessionTimerSettings.DEFAULT;
  }

  /** The SDP offer for a session refresh re-INVITE (the current session, unchanged). */
  default Optional<String> refreshOffer() {
    return Optional.empty();
  }

  /** The session interval ran out without a refresh; the dialog has sent BYE (RFC 4028 §10). */
  default void sessionExpired() {
    ended();
  }
}

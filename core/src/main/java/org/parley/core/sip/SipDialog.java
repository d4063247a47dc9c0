package org.parley.core.sip;

import java.time.Duration;
import java.util.Optional;

/**
 * One INVITE dialog (RFC 3261 §12–15) as the core sees it, free of any SIP library's types. Called
 * on the core's loop; what the peer does arrives through the {@link DialogListener}.
 */
public interface SipDialog {

  /** Tells the dialog where to report; set once, before anything can arrive. */
  void setListener(DialogListener listener);

  /**
   * Starts session timers (RFC 4028) for an incoming INVITE; answers it 422 Session Interval Too
   * Small, with our Min-SE, and returns false when it asks for less than our Min-SE.
   */
  boolean admitSessionInterval(SessionTimerSettings settings);

  /** Sends 180 Ringing to an incoming INVITE. */
  void ringing();

  /**
   * Answers an incoming INVITE with 200 OK.
   *
   * @param sdp the SDP answer, or our offer when the INVITE had none (late offer)
   */
  void accept(String sdp);

  /** Answers an incoming INVITE with a final error status (486, 603, 488...). */
  void reject(int statusCode);

  /**
   * Answers an incoming INVITE with a final error status and a Warning header (RFC 3261 §20.43).
   */
  void reject(int statusCode, SipWarning warning);

  /** Cancels our INVITE before its final response (RFC 3261 §9). */
  void cancel();

  /** Ends an established dialog with BYE. */
  void bye();

  /** Sends a re-INVITE carrying a new offer (hold, resume); the answer comes as {@code updated}. */
  void reinvite(String sdpOffer);

  /** Sends an INFO request in the dialog (SIP INFO DTMF, {@code application/dtmf-relay}). */
  void info(String contentType, String body);

  /** The dialog's Call-ID and tags, once the peer's tag is known (after its first response). */
  default Optional<DialogId> dialogId() {
    return Optional.empty();
  }

  /**
   * Sends REFER in the dialog (RFC 3515); the answer arrives as {@code referAnswered}, the implicit
   * subscription's NOTIFYs as {@code referProgress}.
   *
   * @param referredBy our address of record, for the Referred-By header (RFC 3892)
   */
  default void refer(ReferTo referTo, String referredBy) {
    throw new UnsupportedOperationException("This dialog cannot send REFER");
  }

  /**
   * How long the implicit subscription of a peer's REFER lasts, as granted in its NOTIFYs (RFC 3515
   * §2.4.4): the referrer stops hearing about the transfer after it.
   */
  Duration REFER_SUBSCRIPTION = Duration.ofSeconds(60);

  /**
   * Reports the progress of the call a peer's REFER asked for, as a NOTIFY with a sipfrag body; a
   * final status terminates the implicit subscription.
   */
  default void notifyReferProgress(SipFrag progress) {
    throw new UnsupportedOperationException("This dialog cannot send NOTIFY");
  }
}

package org.parley.core.call;

/** What happened to a call; delivered to {@link CallListener}s on the core's loop. */
public sealed interface CallEvent {

  Call call();

  /** A peer calls us; answer with {@link Call#answer}, or {@link Call#reject}. */
  record IncomingCall(Call call) implements CallEvent {}

  /** The callee's phone rings (180 without SDP). */
  record CallRinging(Call call) implements CallEvent {}

  /** The callee sent early media (183 with SDP); its audio plays before the answer. */
  record CallEarlyMedia(Call call, String codec) implements CallEvent {}

  /** The call is answered and its audio runs. */
  record CallEstablished(Call call, String codec) implements CallEvent {}

  /**
   * The call's media direction changed by a re-INVITE.
   *
   * @param heldByUs we put the call on hold
   * @param heldByPeer the peer put us on hold (it sends {@code sendonly} or {@code inactive})
   */
  record CallHoldChanged(Call call, boolean heldByUs, boolean heldByPeer) implements CallEvent {}

  /**
   * A re-INVITE changed the call's codec or whether its audio is encrypted; audio runs on.
   *
   * @param codec the codec's SDP name now
   * @param encrypted whether the audio is SRTP now
   */
  record CallMediaChanged(Call call, String codec, boolean encrypted) implements CallEvent {}

  /**
   * The peer sent a DTMF digit.
   *
   * @param viaInfo it came as SIP INFO ({@code application/dtmf-relay}), not as RFC 4733 RTP
   */
  record DigitReceived(Call call, char digit, boolean viaInfo) implements CallEvent {}

  /**
   * The call is over.
   *
   * @param reason why, as a category
   * @param statusCode the SIP status that ended it (486, 487, 404...), or 0 after BYE
   * @param detail a sentence for the user
   */
  record CallEnded(Call call, EndReason reason, int statusCode, String detail)
      implements CallEvent {}

  /** Why a call ended. */
  enum EndReason {
    /** We hung up an established call. */
    LOCAL_HANGUP,
    /** The peer hung up an established call. */
    REMOTE_HANGUP,
    /** We cancelled our call before the answer. */
    CANCELLED,
    /** The peer cancelled its call before we answered. */
    CALLER_CANCELLED,
    /** The callee declined (486, 603), or we declined an incoming call. */
    REJECTED,
    /** An error status, no answer, no common codec or a network failure. */
    FAILED
  }
}

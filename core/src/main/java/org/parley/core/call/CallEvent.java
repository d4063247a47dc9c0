package org.parley.core.call;

import java.time.Duration;
import java.util.Optional;

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
   * Progress of our transfer of this call (RFC 3515): the answer to our REFER (202, or a failure),
   * then the status of the transferee's new call from its NOTIFYs (100, 180, 200, 486...). On a
   * final 2xx this call ends by itself; after a failure it stays up (resumed if we held it).
   *
   * @param statusCode the REFER's answer or the sipfrag's status
   * @param finalStatus no more progress follows
   */
  record TransferProgress(Call call, int statusCode, boolean finalStatus) implements CallEvent {

    public boolean succeeded() {
      return finalStatus && statusCode >= 200 && statusCode < 300;
    }
  }

  /**
   * The peer asks us to transfer this call (RFC 3515 REFER) and the account's {@link
   * TransferConsent} is to ask: the REFER has had its 202 and the peer waits. Answer with {@link
   * Call#acceptTransfer} or {@link Call#declineTransfer}; without an answer the transfer is
   * declined after {@code decisionTimeout} ({@link TransferDeclined} follows).
   *
   * @param targetUri whom we would call
   * @param referredBy who asks (the Referred-By value, RFC 3892), when the peer said
   */
  record TransferRequested(
      Call call, String targetUri, Optional<String> referredBy, Duration decisionTimeout)
      implements CallEvent {}

  /**
   * A transfer the peer asked for was declined: it heard 603 Decline and this call goes on.
   *
   * @param timedOut no one chose in time
   */
  record TransferDeclined(Call call, boolean timedOut) implements CallEvent {}

  /**
   * The peer transferred this call: we accepted its REFER and are calling the target; {@code
   * newCall} carries our audio from now on, and this call ends when the peer hangs up.
   */
  record CallTransferred(Call call, Call newCall) implements CallEvent {}

  /**
   * A new incoming call replaces this one (RFC 3891, an attended transfer to us): {@code newCall}
   * is answered at once with this call's audio, and this call ends once it is established.
   */
  record CallReplaced(Call call, Call newCall) implements CallEvent {}

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
    FAILED,
    /** The call was handed on: our transfer succeeded, or a new call replaced it. */
    TRANSFERRED;

    /** The reason a final error status gives: the callee declined, or the call failed. */
    static EndReason ofFailure(int statusCode) {
      return statusCode == 486 || statusCode == 603 || statusCode == 600 ? REJECTED : FAILED;
    }
  }
}

package org.parley.core.call;

import java.util.Optional;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.TransferDeclined;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.call.CallEvent.TransferRequested;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.DialogId;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.Refer;
import org.parley.core.sip.ReferTo;
import org.parley.core.sip.SipFrag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's part in transfers (RFC 3515, RFC 5589): as the transferor it sends REFER and follows
 * the NOTIFYs; as the transferee it places the referred call (after asking the user, when the
 * account's {@link TransferConsent} says so) and reports its progress back. Runs on the core's
 * loop.
 */
final class CallTransfer {

  private static final Logger LOG = LoggerFactory.getLogger(CallTransfer.class);

  private final Call call;
  private final Calls calls;
  private boolean referring;
  private Optional<Call> consultation = Optional.empty();
  private Call transferredTo;
  // A peer's REFER the user has not decided on yet, and the timer that decides for them.
  private Refer pendingRefer;
  private EventLoop.Cancellable decisionTimer;

  CallTransfer(Call call, Calls calls) {
    this.call = call;
    this.calls = calls;
  }

  // --- transferor ---

  /** Blind transfer: asks the peer to call {@code targetUri}. */
  void transfer(String targetUri) {
    if (!canRefer()) {
      return;
    }
    refer(ReferTo.of(targetUri), Optional.empty());
  }

  /** Attended transfer: asks the peer to call the other side of {@code other}, replacing it. */
  void transferTo(Call other) {
    Optional<DialogId> id = other.dialogId();
    if (!canRefer()) {
      return;
    }
    if (other.state() != Call.State.ESTABLISHED || id.isEmpty() || other == call) {
      LOG.info("Call {} cannot be transferred to {}: that call is not established", call, other);
      calls.emit(new TransferProgress(call, 481, true));
      return;
    }
    refer(new ReferTo(other.peerUri(), Optional.of(id.get().replaces())), Optional.of(other));
  }

  private boolean canRefer() {
    if (call.state() != Call.State.ESTABLISHED || referring) {
      LOG.info(
          "Call {} cannot be transferred now ({}, transfer pending: {})",
          call,
          call.state(),
          referring);
      return false;
    }
    return true;
  }

  private void refer(ReferTo referTo, Optional<Call> attended) {
    referring = true;
    consultation = attended;
    call.dialog().refer(referTo, calls.addressOfRecord());
  }

  void answered(int statusCode) {
    if (!referring) {
      return;
    }
    if (statusCode < 300) {
      calls.emit(new TransferProgress(call, statusCode, false));
      return;
    }
    failed(statusCode);
  }

  void progress(SipFrag progress, boolean subscriptionTerminated) {
    if (!referring) {
      return;
    }
    if (!progress.isFinal()) {
      calls.emit(new TransferProgress(call, progress.statusCode(), false));
      if (subscriptionTerminated) {
        failed(progress.statusCode()); // ended before the transferee's call had an outcome
      }
      return;
    }
    if (progress.statusCode() >= 300) {
      failed(progress.statusCode());
      return;
    }
    referring = false;
    calls.emit(new TransferProgress(call, progress.statusCode(), true));
    call.endTransferred("Transferred");
    consultation.ifPresent(other -> other.endTransferred("Transferred"));
    consultation = Optional.empty();
  }

  private void failed(int statusCode) {
    referring = false;
    consultation = Optional.empty();
    calls.emit(new TransferProgress(call, statusCode, true));
    call.resumeAfterFailedTransfer();
  }

  // --- transferee ---

  /**
   * The peer's REFER (before its 202): whether we take it. Taken, it is followed at once or, when
   * the account asks first, announced and left pending until {@link #decide} or the timeout.
   */
  boolean referred(Refer refer) {
    if (call.state() != Call.State.ESTABLISHED
        || transferredTo != null
        || pendingRefer != null
        || call.audio() == null) {
      return false;
    }
    TransferConsent consent = calls.policy().transfers();
    if (consent.mode() == TransferConsent.Mode.DECLINE) {
      return false;
    }
    if (consent.mode() == TransferConsent.Mode.FOLLOW) {
      follow(refer);
      return true;
    }
    pendingRefer = refer;
    decisionTimer = calls.loop().schedule(consent.decisionTimeout(), this::decisionTimedOut);
    calls.emit(
        new TransferRequested(
            call, refer.referTo().targetUri(), refer.referredBy(), consent.decisionTimeout()));
    return true;
  }

  /** The user's answer to a pending transfer; ignored when none is pending any more. */
  void decide(boolean follow) {
    Refer refer = pendingRefer;
    if (refer == null) {
      return;
    }
    pendingRefer = null;
    decisionTimer.cancel();
    if (call.state() != Call.State.ESTABLISHED) {
      return; // the peer hung up while we asked: its subscription went with the dialog
    }
    if (follow) {
      follow(refer);
    } else {
      decline(false);
    }
  }

  private void decisionTimedOut() {
    if (pendingRefer == null) {
      return;
    }
    pendingRefer = null;
    if (call.state() == Call.State.ESTABLISHED) {
      decline(true);
    }
  }

  // RFC 3515 §2.4.5: the REFER was accepted (202), so its refusal is the subscription's final
  // NOTIFY; 603 is the status the transferor's own INVITE would have had from a user who says no.
  private void decline(boolean timedOut) {
    call.dialog().notifyReferProgress(new SipFrag(603, "Decline"));
    calls.emit(new TransferDeclined(call, timedOut));
  }

  /** We call the REFER's target from our account, with our audio. */
  private void follow(Refer refer) {
    SharedMedia.Lease ours = call.audio().lease();
    InviteHeaders headers = new InviteHeaders(refer.referTo().replaces(), refer.referredBy());
    Call next =
        calls.dialShared(
            refer.referTo().targetUri(), ours.shared(), headers, this::newCallProgress);
    transferredTo = next;
    calls.emit(new CallTransferred(call, next));
  }

  private void newCallProgress(SipFrag progress) {
    if (call.state() != Call.State.ENDED) {
      call.dialog().notifyReferProgress(progress);
    }
    if (progress.isFinal() && progress.statusCode() >= 300) {
      // The target did not take the call: our audio comes back to the call we still have.
      call.audio().lease().shared().handTo(call.audio().lease());
      transferredTo = null;
    }
  }
}

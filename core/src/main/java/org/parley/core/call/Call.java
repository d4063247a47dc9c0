package org.parley.core.call;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.core.call.CallEvent.CallEarlyMedia;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.CallMediaChanged;
import org.parley.core.call.CallEvent.CallRinging;
import org.parley.core.call.CallEvent.DigitReceived;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.calllog.CallDirection;
import org.parley.core.sip.DialogId;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.OfferRefusedException;
import org.parley.core.sip.Refer;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipFrag;
import org.parley.core.sip.SipWarning;
import org.parley.media.codec.AudioCodec;
import org.parley.media.quality.QualitySummary;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.sdp.MediaDirection;
import org.parley.media.stream.AudioStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One phone call, outgoing or incoming: its SIP dialog, offer/answer and audio. Methods may be
 * called from any thread; the work runs on the core's loop and results arrive as {@link CallEvent}s
 * there.
 */
public final class Call {

  private static final Logger LOG = LoggerFactory.getLogger(Call.class);
  private static final AtomicLong IDS = new AtomicLong();

  /** Where a call stands. */
  public enum State {
    CALLING,
    RINGING,
    ESTABLISHED,
    ENDED
  }

  private final Calls calls;
  private final String id = "call-" + IDS.incrementAndGet();
  private final CallDirection direction;
  private final String peerUri;
  private final String peerDisplayName;
  private final Instant startedAt;
  private volatile State state;
  private SipDialog dialog;
  private volatile CallAudio audio;
  private final CallRecording recording = new CallRecording(() -> audio);
  private CallNegotiation negotiation;
  private Optional<String> pendingOffer = Optional.empty();
  private volatile String codec;
  private volatile boolean encrypted;
  private Instant answeredAt;
  private boolean weCancelled;
  private boolean weRejected;
  private boolean holdWanted;
  private final CallTransfer transfer;
  // Where a transferee's or transfer target's new call reports how it went, until it is up.
  private Consumer<SipFrag> progressTap;
  private boolean reofferPending;

  Call(Calls calls, CallDirection direction, String peerUri, String peerDisplayName) {
    this.calls = calls;
    this.direction = direction;
    this.peerUri = peerUri;
    this.peerDisplayName = peerDisplayName;
    this.startedAt = calls.now();
    this.state = State.CALLING;
    this.transfer = new CallTransfer(this, calls);
  }

  public String id() {
    return id;
  }

  public CallDirection direction() {
    return direction;
  }

  public String peerUri() {
    return peerUri;
  }

  public String peerDisplayName() {
    return peerDisplayName;
  }

  /** The call's state; exact on the loop, possibly a step behind elsewhere. */
  public State state() {
    return state;
  }

  /** The negotiated codec's SDP name, once audio runs. */
  public Optional<String> codec() {
    return Optional.ofNullable(codec);
  }

  /** Whether the audio runs over SRTP (SDES keys, RFC 4568); false before it runs. */
  public boolean encrypted() {
    return encrypted;
  }

  /**
   * Offers these codecs instead (in this order) by re-INVITE; when the answer picks another codec
   * than the current one, the audio switches to it and {@link CallMediaChanged} follows.
   */
  public void changeCodecs(List<AudioCodec> preferred) {
    List<AudioCodec> copy = List.copyOf(preferred);
    calls
        .loop()
        .execute(
            () -> {
              if (state == State.ESTABLISHED) {
                negotiation.setCodecs(copy);
                dialog.reinvite(offer(currentDirection()));
              }
            });
  }

  /** Answers an incoming call, sending and receiving the given media. */
  public void answer(CallMedia media) {
    calls.loop().execute(() -> answerOnLoop(media));
  }

  /** Declines an incoming call with 486 Busy Here. */
  public void reject() {
    reject(486);
  }

  /** Declines an incoming call with the given status (486 Busy Here, 603 Decline). */
  public void reject(int statusCode) {
    calls.loop().execute(() -> rejectOnLoop(statusCode));
  }

  /** Ends the call: CANCEL before the answer, BYE after, 603 for an incoming call not answered. */
  public void hangUp() {
    calls.loop().execute(this::hangUpOnLoop);
  }

  /** Puts the call on hold ({@code sendonly} re-INVITE; our audio stops). */
  public void hold() {
    calls.loop().execute(() -> changeHold(true));
  }

  /** Takes the call off hold ({@code sendrecv} re-INVITE). */
  public void resume() {
    calls.loop().execute(() -> changeHold(false));
  }

  /** Sends digits as RFC 4733 telephone-events in the audio stream. */
  public void sendDigits(String digits) {
    calls.loop().execute(() -> DtmfRelay.sendRtp(audio, digits, this));
  }

  /** Sends digits as SIP INFO requests ({@code application/dtmf-relay}), one per digit. */
  public void sendInfoDigits(String digits) {
    calls.loop().execute(() -> DtmfRelay.sendInfo(dialog, digits));
  }

  /** Records this call to a file from now until stopped or the call ends. */
  public CallRecording recording() {
    return recording;
  }

  /**
   * Blind transfer (RFC 3515): asks the peer to call {@code target} ({@code sip:user@host}, {@code
   * user@host} or a user of our domain). Progress arrives as {@link CallEvent.TransferProgress}; on
   * success this call ends, on failure it stays up.
   */
  public void transfer(String target) {
    String uri = calls.targetUri(target);
    calls.loop().execute(() -> transfer.transfer(uri));
  }

  /**
   * Attended transfer (RFC 5589): asks the peer to call the other side of {@code consultation},
   * replacing that call (RFC 3891). On success both calls end.
   */
  public void transferTo(Call consultation) {
    calls.loop().execute(() -> transfer.transferTo(consultation));
  }

  /** Follows the transfer the peer asked for ({@link CallEvent.TransferRequested}). */
  public void acceptTransfer() {
    calls.loop().execute(() -> transfer.decide(true));
  }

  /** Stays in this call: the transfer the peer asked for is declined (it hears 603). */
  public void declineTransfer() {
    calls.loop().execute(() -> transfer.decide(false));
  }

  /** The audio quality so far, once audio runs. */
  public Optional<QualitySummary> quality() {
    CallAudio current = audio;
    return current == null ? Optional.empty() : current.summary();
  }

  /** The RTP counters so far (packets sent and received), once audio runs. */
  public Optional<RtpStreamStatistics> rtpStatistics() {
    CallAudio current = audio;
    return current == null ? Optional.empty() : current.statistics();
  }

  // --- outgoing ---

  void dial(String targetUri, CallMedia media) {
    dial(targetUri, CallAudio.reserve(calls.mediaAddress(), media), InviteHeaders.NONE);
  }

  /** Places a transferee's call on media another call holds, taking the media at once. */
  void dialShared(
      String targetUri, SharedMedia shared, InviteHeaders headers, Consumer<SipFrag> tap) {
    progressTap = tap;
    CallAudio reserved = CallAudio.reserve(calls.mediaAddress(), shared);
    shared.handTo(reserved.lease());
    dial(targetUri, reserved, headers);
  }

  private void dial(String targetUri, CallAudio reserved, InviteHeaders headers) {
    audio = reserved;
    negotiation = new CallNegotiation(audio, calls.policy().encryption());
    Optional<String> offer =
        audio.media().lateOffer() ? Optional.empty() : Optional.of(offer(MediaDirection.SENDRECV));
    dialog = calls.sip().invite(calls.session(), targetUri, offer, headers, new Signaling());
  }

  void couldNotStart(String detail) {
    end(EndReason.FAILED, 0, "The call could not start: " + detail);
  }

  // --- incoming ---

  void offered(SipDialog incoming, Optional<String> sdpOffer) {
    dialog = incoming;
    pendingOffer = sdpOffer;
    dialog.setListener(new Signaling());
    state = State.RINGING;
    dialog.ringing();
  }

  private void answerOnLoop(CallMedia media) {
    if (direction != CallDirection.INCOMING || state != State.RINGING) {
      return;
    }
    answerOnLoop(CallAudio.reserve(calls.mediaAddress(), media));
  }

  /** Answers a call that replaces {@code replaced} (RFC 3891) with the media it holds. */
  void answerReplacing(Call replaced, Consumer<SipFrag> tap) {
    progressTap = tap;
    CallAudio reserved = CallAudio.reserve(calls.mediaAddress(), replaced.audio.lease().shared());
    reserved.lease().shared().handTo(reserved.lease());
    answerOnLoop(reserved);
  }

  private void answerOnLoop(CallAudio reserved) {
    audio = reserved;
    negotiation = new CallNegotiation(audio, calls.policy().encryption());
    if (pendingOffer.isEmpty()) {
      dialog.accept(offer(MediaDirection.SENDRECV)); // late offer: ours goes in the 200
      answeredAt = calls.now();
      return;
    }
    String answer;
    try {
      answer = answerOffer(pendingOffer.get());
    } catch (OfferRefusedException e) {
      dialog.reject(488, e.warning());
      end(EndReason.FAILED, 488, "The caller's media cannot be used: " + e.getMessage());
      return;
    }
    answeredAt = calls.now();
    dialog.accept(answer);
  }

  private void rejectOnLoop(int statusCode) {
    if (direction == CallDirection.INCOMING && state == State.RINGING) {
      weRejected = true;
      dialog.reject(statusCode);
      end(EndReason.REJECTED, statusCode, "Declined");
    }
  }

  private void hangUpOnLoop() {
    switch (state) {
      case CALLING, RINGING -> {
        if (direction == CallDirection.OUTGOING) {
          weCancelled = true;
          dialog.cancel();
        } else {
          rejectOnLoop(603);
        }
      }
      case ESTABLISHED -> {
        dialog.bye();
        end(EndReason.LOCAL_HANGUP, 0, "You hung up");
      }
      default -> {
        // ENDED: nothing left to end.
      }
    }
  }

  private void changeHold(boolean hold) {
    if (state != State.ESTABLISHED || holdWanted == hold) {
      return;
    }
    holdWanted = hold;
    audio.setHolding(hold);
    reofferPending = true;
    dialog.reinvite(offer(currentDirection()));
  }

  private MediaDirection currentDirection() {
    return holdWanted
        ? (audio.peerHolding() ? MediaDirection.INACTIVE : MediaDirection.SENDONLY)
        : (audio.peerHolding() ? MediaDirection.RECVONLY : MediaDirection.SENDRECV);
  }

  private String offer(MediaDirection wanted) {
    return negotiation.offer(wanted);
  }

  /**
   * Answers the peer's offer, starts or updates audio, and returns our answer.
   *
   * @throws OfferRefusedException when the offer cannot be used; audio is then unchanged
   */
  private String answerOffer(String sdp) throws OfferRefusedException {
    CallNegotiation.Answer answer =
        negotiation.answer(sdp, holdWanted ? MediaDirection.SENDONLY : MediaDirection.SENDRECV);
    if (!startAudio(answer.settled())) {
      throw new OfferRefusedException(
          new SipWarning(SipWarning.MISCELLANEOUS, "Audio could not start"));
    }
    return answer.sdp();
  }

  /** Reads the peer's answer to our offer and starts or updates audio. */
  private boolean takeAnswer(String sdp) {
    Optional<CallNegotiation.Settled> settled = negotiation.accept(sdp);
    return settled.isPresent() && startAudio(settled.get());
  }

  private boolean startAudio(CallNegotiation.Settled settled) {
    boolean heldBefore = audio.peerHolding();
    String codecBefore = codec;
    boolean encryptedBefore = encrypted;
    try {
      audio.apply(settled.negotiated(), settled.keys(), new StreamEvents());
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Audio of call {} could not start: {}", id, e.getMessage());
      return false;
    }
    negotiation.use(settled);
    codec = settled.negotiated().codecName();
    encrypted = audio.encrypted();
    if (state == State.ESTABLISHED && heldBefore != audio.peerHolding()) {
      calls.emit(new CallHoldChanged(this, holdWanted, audio.peerHolding()));
    }
    if (state == State.ESTABLISHED
        && (!codec.equals(codecBefore) || encrypted != encryptedBefore)) {
      calls.emit(new CallMediaChanged(this, codec, encrypted));
    }
    return true;
  }

  // The ACK cannot carry a 488: an unusable offer in the 2xx ends the call with BYE instead.
  private Optional<String> answerInAck(String sdp) {
    try {
      return Optional.of(answerOffer(sdp));
    } catch (OfferRefusedException e) {
      LOG.info("The offer in the 2xx of call {} is unusable: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  private void markEstablished() {
    state = State.ESTABLISHED;
    if (answeredAt == null) {
      answeredAt = calls.now();
    }
    calls.emit(new CallEstablished(this, codec));
    tap(new SipFrag(200, "OK"));
  }

  private void tap(SipFrag progress) {
    Consumer<SipFrag> current = progressTap;
    if (current != null) {
      if (progress.isFinal()) {
        progressTap = null;
      }
      current.accept(progress);
    }
  }

  // --- transfers (CallTransfer and Calls use these on the loop) ---

  SipDialog dialog() {
    return dialog;
  }

  CallAudio audio() {
    return audio;
  }

  Optional<DialogId> dialogId() {
    return dialog == null ? Optional.empty() : dialog.dialogId();
  }

  /** Ends the call because it was handed on: BYE when up, CANCEL while it is still ringing. */
  void endTransferred(String detail) {
    if (state == State.ESTABLISHED) {
      dialog.bye();
      end(EndReason.TRANSFERRED, 0, detail);
    } else {
      hangUpOnLoop();
    }
  }

  void resumeAfterFailedTransfer() {
    changeHold(false);
  }

  private void end(EndReason reason, int statusCode, String detail) {
    if (state == State.ENDED) {
      return;
    }
    boolean wasEstablished = state == State.ESTABLISHED;
    state = State.ENDED;
    if (!wasEstablished) {
      // Failures with the peer's own reason were reported in failed(); these are ours.
      tap(new SipFrag(statusCode >= 300 ? statusCode : 503, "Call Failed"));
    }
    recording.stop();
    Optional<QualitySummary> summary = audio == null ? Optional.empty() : audio.stop();
    calls.ended(
        this,
        new CallOutcome(
            startedAt,
            Optional.ofNullable(answeredAt).filter(at -> wasEstablished),
            calls.now(),
            reason,
            statusCode,
            Optional.ofNullable(codec),
            summary,
            weCancelled,
            weRejected));
    calls.emit(new CallEnded(this, reason, statusCode, detail));
  }

  @Override
  public String toString() {
    return "Call[" + id + " " + direction.name().toLowerCase(Locale.ROOT) + " " + peerUri + "]";
  }

  /** The dialog's reports, on the loop. */
  private final class Signaling implements DialogListener {

    @Override
    public void provisional(int statusCode, Optional<String> sdp) {
      if (state != State.CALLING && state != State.RINGING) {
        return;
      }
      state = State.RINGING;
      if (sdp.isPresent() && !audio.started() && takeAnswer(sdp.get())) {
        calls.emit(new CallEarlyMedia(Call.this, codec));
      } else if (statusCode == 180) {
        calls.emit(new CallRinging(Call.this));
      }
      tap(new SipFrag(statusCode, statusCode == 180 ? "Ringing" : "Session Progress"));
    }

    @Override
    public Optional<String> established(Optional<String> sdp) {
      if (state == State.ENDED) {
        return Optional.empty();
      }
      Optional<String> ackAnswer = Optional.empty();
      boolean ok;
      if (direction == CallDirection.OUTGOING && audio.media().lateOffer()) {
        ackAnswer = sdp.flatMap(Call.this::answerInAck);
        ok = ackAnswer.isPresent();
      } else if (sdp.isPresent()) {
        // Our offer's answer (outgoing), or the answer to the offer in our 200 (incoming late
        // offer). A 2xx after early media may repeat the 183's SDP: applying it again is harmless.
        ok = takeAnswer(sdp.get());
      } else {
        ok = audio.started();
      }
      if (!ok) {
        dialog.bye();
        end(EndReason.FAILED, 488, "No codec in common with the other side");
        return ackAnswer;
      }
      markEstablished();
      return ackAnswer;
    }

    @Override
    public void failed(int statusCode, String reason) {
      if (statusCode >= 300) {
        tap(new SipFrag(statusCode, reason == null ? "" : reason));
      }
      if (direction == CallDirection.INCOMING && statusCode == 487) {
        end(EndReason.CALLER_CANCELLED, statusCode, "The caller hung up before the answer");
      } else if (weCancelled) {
        end(EndReason.CANCELLED, statusCode, "You hung up before the answer");
      } else {
        end(EndReason.ofFailure(statusCode), statusCode, statusCode + " " + reason);
      }
    }

    @Override
    public void ended() {
      end(EndReason.REMOTE_HANGUP, 0, "The other side hung up");
    }

    @Override
    public Optional<String> reoffered(String sdpOffer) throws OfferRefusedException {
      return state == State.ESTABLISHED ? Optional.of(answerOffer(sdpOffer)) : Optional.empty();
    }

    @Override
    public void updated(Optional<String> sdpAnswer) {
      boolean ok = sdpAnswer.isPresent() && takeAnswer(sdpAnswer.get());
      boolean holdAsked = reofferPending;
      reofferPending = false;
      if (ok && holdAsked) {
        calls.emit(new CallHoldChanged(Call.this, holdWanted, audio.peerHolding()));
      } else if (!ok) {
        LOG.info("The re-INVITE of call {} failed; media unchanged", id);
      }
    }

    @Override
    public boolean referred(Refer refer) {
      return transfer.referred(refer);
    }

    @Override
    public void referAnswered(int statusCode) {
      transfer.answered(statusCode);
    }

    @Override
    public void referProgress(SipFrag progress, boolean subscriptionTerminated) {
      transfer.progress(progress, subscriptionTerminated);
    }

    @Override
    public SessionTimerSettings sessionTimers() {
      return calls.policy().sessionTimers();
    }

    @Override
    public Optional<String> refreshOffer() {
      return state == State.ESTABLISHED ? Optional.of(offer(currentDirection())) : Optional.empty();
    }

    @Override
    public void sessionExpired() {
      end(EndReason.FAILED, 0, "The call was lost: the other side stopped refreshing it");
    }

    @Override
    public void info(String contentType, String body) {
      DtmfRelay.signal(contentType, body)
          .ifPresent(digit -> calls.emit(new DigitReceived(Call.this, digit, true)));
    }
  }

  /** The stream's reports, from its media thread, moved to the loop. */
  private final class StreamEvents implements AudioStream.Listener {
    @Override
    public void digitReceived(char digit) {
      calls.loop().execute(() -> calls.emit(new DigitReceived(Call.this, digit, false)));
    }
  }
}

package org.parley.core.call;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parley.core.call.CallEvent.CallReplaced;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallLog;
import org.parley.core.calllog.CallLogException;
import org.parley.core.loop.EventLoop;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.SipFrag;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.SipWarning;
import org.parley.core.sip.TargetUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One account's calls: places new ones, announces incoming ones (a second call while one is up is
 * announced too: call waiting), tells listeners, and writes each finished call to the call log.
 */
public final class Calls {

  private static final Logger LOG = LoggerFactory.getLogger(Calls.class);

  /**
   * What calls need from the softphone.
   *
   * @param clock timestamps for the call log
   * @param mediaAddress the local address RTP binds and SDP advertises
   * @param callLog where finished calls go, if anywhere (read when each call ends)
   */
  public record Context(
      Clock clock, InetAddress mediaAddress, Supplier<Optional<CallLog>> callLog) {}

  private final String addressOfRecord;
  private final String domain;
  private final SipUserAgent sip;
  private final EventLoop loop;
  private final Supplier<RegisterSession> session;
  private final Context context;
  private final List<CallListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Call> active = new CopyOnWriteArrayList<>();
  private volatile CallPolicy policy = CallPolicy.defaults();

  public Calls(
      String addressOfRecord,
      String domain,
      SipUserAgent sip,
      EventLoop loop,
      Supplier<RegisterSession> session,
      Context context) {
    this.addressOfRecord = addressOfRecord;
    this.domain = domain;
    this.sip = sip;
    this.loop = loop;
    this.session = session;
    this.context = context;
  }

  public void addListener(CallListener listener) {
    listeners.add(listener);
  }

  public void removeListener(CallListener listener) {
    listeners.remove(listener);
  }

  /** Calls {@code target} ({@code sip:user@host}, {@code user@host} or a user of our domain). */
  public Call dial(String target, CallMedia media) {
    String uri = targetUri(target);
    Call call = new Call(this, CallDirection.OUTGOING, uri, "");
    active.add(call);
    loop.execute(
        () -> {
          try {
            call.dial(uri, media);
          } catch (RuntimeException e) {
            LOG.warn("Call to {} could not start", uri, e);
            call.couldNotStart(e.getMessage());
          }
        });
    return call;
  }

  /** Sets how calls from now on negotiate media (SRTP, codecs an offer must share). */
  public void setPolicy(CallPolicy value) {
    policy = value;
    if (value.encryption() != MediaEncryption.NONE) {
      SrtpWarmUp.start();
    }
  }

  CallPolicy policy() {
    return policy;
  }

  /**
   * A peer's INVITE for this account (on the loop). An offer we could never accept is refused at
   * once with 488 and a Warning (RFC 3261 §13.3.1.4), before the phone rings.
   */
  public void incoming(IncomingInvite invite) {
    if (invite.sdpOffer().isPresent()) {
      Optional<SipWarning> refusal = CallNegotiation.refusal(invite.sdpOffer().get(), policy);
      if (refusal.isPresent()) {
        LOG.info(
            "Refusing a call from {} with 488: {} {}",
            invite.peerUri(),
            refusal.get().code(),
            refusal.get().text());
        invite.dialog().reject(488, refusal.get());
        return;
      }
    }
    if (!invite.dialog().admitSessionInterval(policy.sessionTimers())) {
      LOG.info(
          "Refused a call from {} with 422: its session interval is too small", invite.peerUri());
      return;
    }
    Optional<Call> replaced = Optional.empty();
    if (invite.replacing().isPresent()) {
      replaced =
          active.stream()
              .filter(c -> c.dialog() == invite.replacing().get() && c.audio() != null)
              .findFirst();
      if (replaced.isEmpty()) {
        invite.dialog().reject(481); // the SIP layer matched a dialog of another account
        return;
      }
    }
    Call call = new Call(this, CallDirection.INCOMING, invite.peerUri(), invite.peerDisplayName());
    active.add(call);
    call.offered(invite.dialog(), invite.sdpOffer());
    if (replaced.isEmpty()) {
      emit(new IncomingCall(call));
      return;
    }
    Call old = replaced.get();
    emit(new CallReplaced(old, call));
    call.answerReplacing(
        old,
        progress -> {
          if (progress.statusCode() == 200) {
            old.endTransferred("Replaced by " + call.peerUri());
          } else if (progress.isFinal()) {
            old.audio().lease().shared().handTo(old.audio().lease());
          }
        });
  }

  /** Places a transferee's call to {@code targetUri} on media a transferred call holds. */
  Call dialShared(
      String targetUri, SharedMedia shared, InviteHeaders headers, Consumer<SipFrag> progress) {
    Call call = new Call(this, CallDirection.OUTGOING, targetUri, "");
    active.add(call);
    loop.execute(
        () -> {
          try {
            call.dialShared(targetUri, shared, headers, progress);
          } catch (RuntimeException e) {
            LOG.warn("Transfer call to {} could not start", targetUri, e);
            call.couldNotStart(e.getMessage());
          }
        });
    return call;
  }

  String addressOfRecord() {
    return addressOfRecord;
  }

  /** The calls not yet ended. */
  public List<Call> active() {
    return List.copyOf(active);
  }

  String targetUri(String target) {
    return TargetUri.of(target, domain);
  }

  void ended(Call call, CallOutcome outcome) {
    active.remove(call);
    Optional<CallLog> log = context.callLog().get();
    if (log.isEmpty()) {
      return;
    }
    try {
      log.get().add(outcome.toRecord(addressOfRecord, call));
    } catch (CallLogException e) {
      LOG.warn("Call {} could not be written to the call log", call.id(), e);
    }
  }

  void emit(CallEvent event) {
    for (CallListener listener : listeners) {
      try {
        listener.onCallEvent(event);
      } catch (RuntimeException e) {
        // One faulty listener must not keep the event from the others.
        LOG.error("A call listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }

  EventLoop loop() {
    return loop;
  }

  SipUserAgent sip() {
    return sip;
  }

  RegisterSession session() {
    return session.get();
  }

  InetAddress mediaAddress() {
    return context.mediaAddress();
  }

  Instant now() {
    return context.clock().instant();
  }
}

package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.AccountConfig;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.TransferDeclined;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.call.CallEvent.TransferRequested;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.InviteHeaders;
import org.parley.core.sip.Refer;
import org.parley.core.sip.ReferTo;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.Replaces;
import org.parley.core.sip.SessionTimerSettings;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipFrag;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.sip.SipWarning;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.VirtualTimeLoop;
import org.parley.media.codec.G711Codec;

/** A call's transfer logic against a scripted SIP layer: what it sends and what it reports. */
class CallTransferTest {

  private static final Refer CAROL_FROM_ALICE =
      new Refer(ReferTo.of("sip:carol@office.example"), Optional.of("<sip:alice@office.example>"));

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final ScriptedSip sip = new ScriptedSip();
  private final CallEvents events = new CallEvents();
  private DatagramSocket peerRtp;
  private Calls calls;

  @BeforeEach
  void start() throws Exception {
    peerRtp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    RegisterSession session =
        new RegisterSession(AccountConfig.of("sip:bob@office.example", () -> new char[0]));
    calls =
        new Calls(
            "sip:bob@office.example",
            "office.example",
            sip,
            loop,
            () -> session,
            new Calls.Context(loop.clock(), InetAddress.getLoopbackAddress(), Optional::empty));
    calls.addListener(events);
  }

  @AfterEach
  void stop() throws Exception {
    calls.active().forEach(Call::hangUp);
    loop.drain();
    loop.close();
    peerRtp.close();
  }

  @Test
  void aBlindTransferRefersToTheTargetAndEndsTheCallOnTheFinal200() throws Exception {
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);

    call.transfer("carol");
    loop.drain();
    assertThat(dialog.referTo).isEqualTo("<sip:carol@office.example>");
    assertThat(dialog.referredBy).isEqualTo("sip:bob@office.example");

    onLoop(() -> dialog.listener.referAnswered(202));
    onLoop(() -> dialog.listener.referProgress(new SipFrag(100, "Trying"), false));
    onLoop(() -> dialog.listener.referProgress(new SipFrag(200, "OK"), true));

    assertThat(events.next(TransferProgress.class).statusCode()).isEqualTo(202);
    assertThat(events.next(TransferProgress.class).finalStatus()).isFalse();
    TransferProgress done = events.next(TransferProgress.class);
    assertThat(done.succeeded()).isTrue();
    assertThat(events.next(CallEnded.class).reason()).isEqualTo(EndReason.TRANSFERRED);
    assertThat(dialog.byes).isEqualTo(1);
  }

  @Test
  void aFailedTransferLeavesTheCallUpAndTakesItOffHold() throws Exception {
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);
    call.hold();
    call.transfer("sip:carol@office.example");
    loop.drain();
    assertThat(dialog.reinvites).hasSize(1);
    assertThat(dialog.reinvites.get(0)).contains("a=sendonly");

    onLoop(() -> dialog.listener.referAnswered(202));
    onLoop(() -> dialog.listener.referProgress(new SipFrag(486, "Busy Here"), true));

    events.next(TransferProgress.class);
    TransferProgress failed = events.next(TransferProgress.class);
    assertThat(failed.statusCode()).isEqualTo(486);
    assertThat(failed.finalStatus()).isTrue();
    assertThat(failed.succeeded()).isFalse();
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(dialog.byes).isZero();
    assertThat(dialog.reinvites).hasSize(2);
    assertThat(dialog.reinvites.get(1)).contains("a=sendrecv");
  }

  @Test
  void aReferIsFollowedByACallWithReplacesAndReferredByWhoseProgressIsNotified() throws Exception {
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);
    Replaces replaces = new Replaces("c1@h", "to1", "from1", false);
    Refer refer =
        new Refer(
            new ReferTo("sip:carol@office.example", Optional.of(replaces)),
            Optional.of("<sip:alice@office.example>"));

    boolean[] accepted = new boolean[2];
    onLoop(() -> accepted[0] = dialog.listener.referred(refer));
    onLoop(() -> accepted[1] = dialog.listener.referred(refer));

    assertThat(accepted).containsExactly(true, false); // one transfer at a time
    CallTransferred transferred = events.next(CallTransferred.class);
    assertThat(transferred.call()).isSameAs(call);
    assertThat(sip.targets).containsExactly("sip:carol@office.example");
    assertThat(sip.headers.get(0).replaces()).contains(replaces);
    assertThat(sip.headers.get(0).referredBy()).contains("<sip:alice@office.example>");
    SharedMedia.Lease oldLease = call.audio().lease();
    assertThat(oldLease.shared().heldBy(oldLease)).isFalse();

    ScriptedDialog next = sip.dialogs.get(0);
    onLoop(() -> next.listener.provisional(180, Optional.empty()));
    onLoop(() -> next.listener.failed(404, "Not Found"));

    assertThat(dialog.notified)
        .containsExactly(new SipFrag(180, "Ringing"), new SipFrag(404, "Not Found"));
    assertThat(oldLease.shared().heldBy(oldLease)).isTrue(); // our audio is back
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
  }

  @Test
  void askingAnnouncesTheTransferAndCallsTheTargetOnlyOnceAccepted() throws Exception {
    calls.setPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);

    boolean[] accepted = new boolean[2];
    onLoop(() -> accepted[0] = dialog.listener.referred(CAROL_FROM_ALICE));
    onLoop(() -> accepted[1] = dialog.listener.referred(CAROL_FROM_ALICE));

    assertThat(accepted).containsExactly(true, false); // 202 for the first; one at a time
    TransferRequested requested = events.next(TransferRequested.class);
    assertThat(requested.call()).isSameAs(call);
    assertThat(requested.targetUri()).isEqualTo("sip:carol@office.example");
    assertThat(requested.referredBy()).contains("<sip:alice@office.example>");
    assertThat(requested.decisionTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(sip.targets).isEmpty();
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(30));

    call.acceptTransfer();
    loop.drain();

    assertThat(events.next(CallTransferred.class).call()).isSameAs(call);
    sip.awaitInvites(1); // the new call places its INVITE on a thread of its own
    assertThat(sip.targets).containsExactly("sip:carol@office.example");
    assertThat(loop.nextTimerIn()).isNull(); // the decision timer is called off
    assertThat(dialog.notified).isEmpty(); // the new call's progress comes later
  }

  @Test
  void declinedTransferIsNotified603AndTheCallStaysUp() throws Exception {
    calls.setPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);
    onLoop(() -> dialog.listener.referred(CAROL_FROM_ALICE));
    events.next(TransferRequested.class);

    call.declineTransfer();
    call.acceptTransfer(); // too late: decided already
    loop.drain();

    assertThat(dialog.notified).containsExactly(new SipFrag(603, "Decline"));
    assertThat(events.next(TransferDeclined.class).timedOut()).isFalse();
    assertThat(sip.targets).isEmpty();
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(dialog.byes).isZero();
  }

  @Test
  void anUnansweredTransferIsDeclinedWhenTheDecisionTimeoutRunsOut() throws Exception {
    calls.setPolicy(
        CallPolicy.defaults().withTransfers(TransferConsent.ask(Duration.ofSeconds(30))));
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);
    onLoop(() -> dialog.listener.referred(CAROL_FROM_ALICE));

    loop.advance(Duration.ofMillis(29_999));
    assertThat(dialog.notified).isEmpty();
    loop.advance(Duration.ofMillis(1));

    assertThat(dialog.notified).containsExactly(new SipFrag(603, "Decline"));
    assertThat(events.next(TransferDeclined.class).timedOut()).isTrue();
    call.acceptTransfer();
    loop.drain();
    assertThat(sip.targets).isEmpty();
    assertThat(call.state()).isEqualTo(Call.State.ESTABLISHED);
  }

  @Test
  void aTransferPendingWhenThePeerHangsUpIsDroppedWithoutANotify() throws Exception {
    calls.setPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    ScriptedDialog dialog = new ScriptedDialog();
    Call call = establishedIncoming(dialog);
    onLoop(() -> dialog.listener.referred(CAROL_FROM_ALICE));
    onLoop(() -> dialog.listener.ended());

    call.acceptTransfer();
    loop.drain();
    loop.advance(Duration.ofSeconds(31));

    assertThat(sip.targets).isEmpty();
    assertThat(dialog.notified).isEmpty();
  }

  @Test
  void aDecliningAccountRefusesTheReferItself() throws Exception {
    calls.setPolicy(CallPolicy.defaults().withTransfers(TransferConsent.DECLINE));
    ScriptedDialog dialog = new ScriptedDialog();
    establishedIncoming(dialog);

    boolean[] accepted = {true};
    onLoop(() -> accepted[0] = dialog.listener.referred(CAROL_FROM_ALICE));

    assertThat(accepted[0]).isFalse(); // the SIP layer answers the REFER 603
    assertThat(sip.targets).isEmpty();
    assertThat(dialog.notified).isEmpty();
  }

  private Call establishedIncoming(ScriptedDialog dialog) throws Exception {
    onLoop(
        () ->
            calls.incoming(
                new IncomingInvite(
                    "bob", "sip:alice@office.example", "", Optional.of(offer()), dialog)));
    Call call = calls.active().get(0);
    call.answer(CallMedia.silent().withCodecs(List.of(G711Codec.PCMU)));
    loop.drain();
    assertThat(dialog.answer).contains("PCMU");
    onLoop(() -> dialog.listener.established(Optional.empty()));
    events.next(CallEstablished.class);
    return call;
  }

  private String offer() {
    return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + "m=audio "
        + peerRtp.getLocalPort()
        + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";
  }

  private void onLoop(Runnable task) throws InterruptedException {
    loop.execute(task);
    loop.drain();
  }

  /** A dialog that records what the call asks of it. */
  private static final class ScriptedDialog implements SipDialog {
    DialogListener listener;
    String answer;
    String referTo;
    String referredBy;
    int byes;
    final List<String> reinvites = new ArrayList<>();
    final List<SipFrag> notified = new ArrayList<>();

    @Override
    public void setListener(DialogListener value) {
      listener = value;
    }

    @Override
    public void ringing() {}

    @Override
    public void accept(String sdp) {
      answer = sdp;
    }

    @Override
    public void reject(int statusCode) {}

    @Override
    public void reject(int statusCode, SipWarning warning) {}

    @Override
    public boolean admitSessionInterval(SessionTimerSettings settings) {
      return true;
    }

    @Override
    public void cancel() {}

    @Override
    public void bye() {
      byes++;
    }

    @Override
    public void reinvite(String sdpOffer) {
      reinvites.add(sdpOffer);
    }

    @Override
    public void info(String contentType, String body) {}

    @Override
    public void refer(ReferTo value, String by) {
      referTo = value.format();
      referredBy = by;
    }

    @Override
    public void notifyReferProgress(SipFrag progress) {
      notified.add(progress);
    }
  }

  /** Places every INVITE on a new scripted dialog and records its target and headers. */
  private static final class ScriptedSip implements SipUserAgent {
    // Written by whichever thread places the INVITE, read by the test's.
    final List<String> targets = new CopyOnWriteArrayList<>();
    final List<InviteHeaders> headers = new CopyOnWriteArrayList<>();
    final List<ScriptedDialog> dialogs = new CopyOnWriteArrayList<>();

    /** Waits, at most five seconds, until {@code count} INVITEs went out. */
    synchronized void awaitInvites(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (targets.size() < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    @Override
    public void register(
        RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done) {}

    @Override
    public void sendKeepAlive(RegisterSession session, Runnable flowFailed) {}

    @Override
    public void expectTlsServer(AccountConfig account) {}

    @Override
    public SipDialog invite(
        RegisterSession session, String target, Optional<String> offer, DialogListener l) {
      return invite(session, target, offer, InviteHeaders.NONE, l);
    }

    @Override
    public SipDialog invite(
        RegisterSession session,
        String target,
        Optional<String> offer,
        InviteHeaders extra,
        DialogListener l) {
      ScriptedDialog dialog = new ScriptedDialog();
      dialog.setListener(l);
      headers.add(extra);
      dialogs.add(dialog);
      synchronized (this) {
        targets.add(target);
        notifyAll();
      }
      return dialog;
    }

    @Override
    public void onIncomingInvite(Consumer<IncomingInvite> handler) {}

    @Override
    public void close() {}
  }
}

package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallEvent.TransferDeclined;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.call.CallEvent.TransferRequested;
import org.parley.core.testing.CallEvents;

/**
 * A transferee that asks its user before following a REFER, between three softphones through
 * Parley's own server: Bob transfers Alice to Carol, and Alice says stay, go, or nothing.
 */
class TransferConsentIT {

  private ThreeParties parties;
  private Account alice;
  private Account bob;
  private Account carol;
  private CallEvents aliceEvents;
  private CallEvents bobEvents;
  private CallEvents carolEvents;

  @BeforeEach
  void start() throws Exception {
    parties = ThreeParties.start();
    alice = parties.alice;
    bob = parties.bob;
    carol = parties.carol;
    aliceEvents = parties.aliceEvents;
    bobEvents = parties.bobEvents;
    carolEvents = parties.carolEvents;
  }

  @AfterEach
  void stop() {
    parties.close();
  }

  @Test
  void aDeclinedTransferFailsWith603ForBobAndAliceStaysWithBob() throws Exception {
    alice.setCallPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    Call aliceToBob = alice.call("bob");
    Call bobFromAlice = heldCallFromAlice();

    bobFromAlice.transfer("carol");
    TransferRequested requested = aliceEvents.next(TransferRequested.class);
    assertThat(requested.call()).isSameAs(aliceToBob);
    assertThat(requested.targetUri()).isEqualTo("sip:carol@office.example");
    assertThat(requested.referredBy()).hasValueSatisfying(by -> assertThat(by).contains("bob@"));
    // Bob's REFER was accepted at once: he waits for Alice's choice with a 202 and a 100.
    assertThat(nextProgress(bobEvents)).containsExactlyInAnyOrder(202, 100);
    requested.call().declineTransfer();

    assertThat(aliceEvents.next(TransferDeclined.class).timedOut()).isFalse();
    TransferProgress declined = finalProgress(bobEvents);
    assertThat(declined.statusCode()).isEqualTo(603);
    assertThat(declined.succeeded()).isFalse();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByUs()).isFalse(); // Bob resumed
    assertThat(aliceToBob.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(bobFromAlice.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(alice.activeCalls()).containsExactly(aliceToBob);

    bobFromAlice.hangUp();
    CallEnded aliceEnded = aliceEvents.next(CallEnded.class);
    assertThat(aliceEnded.call()).isSameAs(aliceToBob);
    assertThat(aliceEnded.reason()).isEqualTo(EndReason.REMOTE_HANGUP);
    // Carol's phone never rang: no INVITE reached her.
    assertThat(carolEvents.drain()).isEmpty();
    assertThat(carol.activeCalls()).isEmpty();
  }

  @Test
  void anAcceptedTransferCallsCarolAndEndsBobsCall() throws Exception {
    alice.setCallPolicy(CallPolicy.defaults().withTransfers(TransferConsent.ask()));
    Call aliceToBob = alice.call("bob");
    Call bobFromAlice = heldCallFromAlice();

    bobFromAlice.transfer("carol");
    aliceEvents.next(TransferRequested.class).call().acceptTransfer();

    Call aliceToCarol = aliceEvents.next(CallTransferred.class).newCall();
    assertThat(aliceToCarol.peerUri()).isEqualTo("sip:carol@office.example");
    Call carolFromAlice = carolEvents.next(IncomingCall.class).call();
    assertThat(carolFromAlice.peerUri()).isEqualTo("sip:alice@office.example");
    carolFromAlice.answer(CallMedia.silent());
    assertThat(aliceEvents.next(CallEstablished.class).call()).isSameAs(aliceToCarol);
    assertThat(finalProgress(bobEvents).statusCode()).isEqualTo(200);
    assertThat(bobEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.TRANSFERRED);
    assertThat(aliceEvents.next(CallEnded.class).call()).isSameAs(aliceToBob);
    assertThat(alice.activeCalls()).containsExactly(aliceToCarol);
    aliceToCarol.hangUp();
    carolEvents.next(CallEnded.class);
  }

  @Test
  void aTransferNoOneAnswersIsDeclinedAfterTheDecisionTimeout() throws Exception {
    alice.setCallPolicy(
        CallPolicy.defaults().withTransfers(TransferConsent.ask(Duration.ofMillis(500))));
    Call aliceToBob = alice.call("bob");
    Call bobFromAlice = heldCallFromAlice();

    bobFromAlice.transfer("carol");
    aliceEvents.next(TransferRequested.class);

    assertThat(aliceEvents.next(TransferDeclined.class).timedOut()).isTrue();
    assertThat(finalProgress(bobEvents).statusCode()).isEqualTo(603);
    assertThat(aliceToBob.state()).isEqualTo(Call.State.ESTABLISHED);
    aliceToBob.acceptTransfer(); // too late: nothing happens
    bobFromAlice.hangUp();
    assertThat(aliceEvents.next(CallEnded.class).call()).isSameAs(aliceToBob);
    assertThat(aliceEvents.drain()).noneMatch(CallTransferred.class::isInstance);
    assertThat(carolEvents.drain()).isEmpty();
  }

  /** Bob answers Alice's call and holds it, as a transferor does before REFER. */
  private Call heldCallFromAlice() throws InterruptedException {
    Call bobFromAlice = bobEvents.next(IncomingCall.class).call();
    bobFromAlice.answer(CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);
    bobFromAlice.hold();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByUs()).isTrue();
    return bobFromAlice;
  }

  /** The REFER's answer and the first NOTIFY's status. */
  private static List<Integer> nextProgress(CallEvents events) throws InterruptedException {
    return List.of(
        events.next(TransferProgress.class).statusCode(),
        events.next(TransferProgress.class).statusCode());
  }

  private static TransferProgress finalProgress(CallEvents events) throws InterruptedException {
    while (true) {
      TransferProgress progress = events.next(TransferProgress.class);
      if (progress.finalStatus()) {
        return progress;
      }
    }
  }
}

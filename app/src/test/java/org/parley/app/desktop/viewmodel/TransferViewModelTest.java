package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Blind and attended transfer of the selected call, with the core's progress fed in by hand. */
class TransferViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  private final List<String> dialled = new ArrayList<>();
  private final FakeCall bob = new FakeCall("Bob", true);
  private final FakeCall carol = new FakeCall("sip:carol@localhost", false);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> {
            dialled.add(target);
            return carol;
          },
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));
  private final TransferViewModel transfer = calls.transfer();

  private void inCallWithBob() {
    calls.onIncoming(bob);
    calls.answer();
    calls.onEstablished(bob, "opus");
    bob.commands.clear();
  }

  @Test
  void blindTransferRefersThePeerAndReportsEachStepUntilTheCallEnds() {
    inCallWithBob();
    transfer.targetProperty().set(" sip:carol@localhost ");

    transfer.blindTransfer();

    assertThat(bob.commands).containsExactly("transfer sip:carol@localhost");
    assertThat(transfer.statusProperty().get())
        .isEqualTo("Transferring Bob to sip:carol@localhost…");
    calls.onTransferProgress(bob, 202, false);
    assertThat(calls.callStateProperty().get())
        .isEqualTo("Transfer accepted: sip:carol@localhost is being called…");
    calls.onTransferProgress(bob, 180, false);
    assertThat(calls.callStateProperty().get())
        .isEqualTo("Transfer: sip:carol@localhost is ringing…");
    calls.onTransferProgress(bob, 200, true);
    assertThat(transfer.statusProperty().get()).isEqualTo("Transferred to sip:carol@localhost");
    calls.onEnded(bob, "Transferred");

    assertThat(calls.inCallProperty().get()).isFalse();
    assertThat(transfer.errorProperty().get()).isEmpty();
    assertThat(calls.lastOutcomeProperty().get()).isEqualTo("Call with Bob ended: Transferred");
  }

  @Test
  void aRejectedReferSaysTheOtherSideRefusedAndTheCallGoesOn() {
    inCallWithBob();
    transfer.targetProperty().set("carol");

    transfer.blindTransfer();
    calls.onTransferProgress(bob, 603, true);

    assertThat(transfer.errorProperty().get())
        .isEqualTo("The other side refused the transfer (603); the call goes on.");
    assertThat(calls.inCallProperty().get()).isTrue();
    assertThat(calls.callStateProperty().get()).isEqualTo("Connected");
  }

  @Test
  void aBusyTargetAfterTheAcceptedReferSaysTheTargetIsBusy() {
    inCallWithBob();
    transfer.targetProperty().set("carol");

    transfer.blindTransfer();
    calls.onTransferProgress(bob, 202, false);
    calls.onTransferProgress(bob, 486, true);

    assertThat(transfer.errorProperty().get()).isEqualTo("carol is busy; the call goes on.");
    // A second attempt is allowed once the first has failed.
    transfer.blindTransfer();
    assertThat(bob.commands).containsExactly("transfer carol", "transfer carol");
  }

  @Test
  void onlyAConnectedCallWithATargetIsTransferred() {
    transfer.targetProperty().set("carol");
    transfer.blindTransfer();
    assertThat(transfer.errorProperty().get())
        .isEqualTo("Only a connected call can be transferred.");

    inCallWithBob();
    transfer.targetProperty().set(" ");
    transfer.blindTransfer();

    assertThat(transfer.errorProperty().get()).isEqualTo("Type where to transfer the call to.");
    assertThat(bob.commands).isEmpty();
  }

  @Test
  void attendedTransferHoldsTheCallerCallsTheTargetAndJoinsThemOnComplete() {
    inCallWithBob();
    transfer.targetProperty().set("sip:carol@localhost");

    transfer.startConsultation();

    assertThat(bob.commands).containsExactly("hold");
    assertThat(dialled).containsExactly("sip:carol@localhost");
    assertThat(transfer.consultingProperty().get()).isTrue();
    assertThat(calls.lines()).hasSize(2);
    assertThat(calls.callPeerProperty().get()).isEqualTo("sip:carol@localhost");
    calls.onHoldChanged(bob, true, false);
    calls.onEstablished(carol, "opus");

    transfer.completeTransfer();

    assertThat(bob.commands).containsExactly("hold", "transferTo sip:carol@localhost");
    calls.onTransferProgress(bob, 202, false);
    calls.onTransferProgress(bob, 200, true);
    calls.onEnded(bob, "Transferred");
    calls.onEnded(carol, "Transferred");
    assertThat(calls.inCallProperty().get()).isFalse();
    assertThat(transfer.consultingProperty().get()).isFalse();
    assertThat(transfer.statusProperty().get()).isEqualTo("Transferred to sip:carol@localhost");
  }

  @Test
  void completingBeforeTheTargetAnswersIsRefused() {
    inCallWithBob();
    transfer.targetProperty().set("sip:carol@localhost");
    transfer.startConsultation();

    transfer.completeTransfer();

    assertThat(transfer.errorProperty().get())
        .isEqualTo("sip:carol@localhost has not answered yet.");
    assertThat(bob.commands).containsExactly("hold");
  }

  @Test
  void aBusyConsultationTargetTakesUsBackToTheHeldCaller() {
    inCallWithBob();
    transfer.targetProperty().set("sip:carol@localhost");
    transfer.startConsultation();
    calls.onHoldChanged(bob, true, false);

    calls.onEnded(carol, "Busy");

    assertThat(transfer.errorProperty().get())
        .isEqualTo("sip:carol@localhost could not be reached; back to the held call.");
    assertThat(transfer.consultingProperty().get()).isFalse();
    assertThat(calls.callPeerProperty().get()).isEqualTo("Bob");
    assertThat(bob.commands).containsExactly("hold", "resume");
  }

  @Test
  void cancellingTheConsultationHangsItUpAndResumesTheCaller() {
    inCallWithBob();
    transfer.targetProperty().set("sip:carol@localhost");
    transfer.startConsultation();
    calls.onHoldChanged(bob, true, false);
    calls.onEstablished(carol, "opus");

    transfer.cancelConsultation();
    calls.onEnded(carol, "You hung up");

    assertThat(carol.commands).containsExactly("hangUp");
    assertThat(bob.commands).containsExactly("hold", "resume");
    assertThat(transfer.errorProperty().get()).isEmpty();
  }
}

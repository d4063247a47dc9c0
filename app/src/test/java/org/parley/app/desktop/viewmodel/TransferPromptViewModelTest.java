package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The question a peer's transfer puts to the user, with the core's events fed in by hand. */
class TransferPromptViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  private final FakeCall bob = new FakeCall("Bob", true);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> {
            throw new IllegalStateException("no dialling here");
          },
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));
  private final TransferPromptViewModel prompt = calls.transferPrompt();

  private void inCallWithBob() {
    calls.onIncoming(bob);
    calls.answer();
    calls.onEstablished(bob, "opus");
    bob.commands.clear();
  }

  @Test
  void aRequestAsksWhoWantsToTransferUsAndToWhom() {
    inCallWithBob();

    calls.onTransferRequested(bob, "sip:carol@office.example");

    assertThat(prompt.shownProperty().get()).isTrue();
    assertThat(prompt.questionProperty().get())
        .isEqualTo("Bob wants to transfer you to carol@office.example.");
    assertThat(bob.commands).isEmpty(); // nothing is decided until the user says so
  }

  @Test
  void goFollowsTheTransferAndClosesTheQuestion() {
    inCallWithBob();
    calls.onTransferRequested(bob, "sip:carol@office.example");

    prompt.go();
    prompt.go();

    assertThat(bob.commands).containsExactly("acceptTransfer");
    assertThat(prompt.shownProperty().get()).isFalse();
    assertThat(prompt.noticeProperty().get()).isEmpty();
  }

  @Test
  void stayDeclinesTheTransferAndSaysTheCallGoesOn() {
    inCallWithBob();
    calls.onTransferRequested(bob, "sip:carol@office.example");

    prompt.stay();
    calls.onTransferDeclined(bob, false);

    assertThat(bob.commands).containsExactly("declineTransfer");
    assertThat(prompt.shownProperty().get()).isFalse();
    assertThat(prompt.noticeProperty().get())
        .isEqualTo("You stayed with Bob; they were told you declined the transfer.");
    assertThat(calls.inCallProperty().get()).isTrue();
  }

  @Test
  void theCoresTimeoutClosesTheQuestionAndSaysNoAnswerCameInTime() {
    inCallWithBob();
    calls.onTransferRequested(bob, "sip:carol@office.example");

    calls.onTransferDeclined(bob, true);
    prompt.go(); // a late click does nothing

    assertThat(prompt.shownProperty().get()).isFalse();
    assertThat(prompt.noticeProperty().get()).isEqualTo("No answer in time: you stayed with Bob.");
    assertThat(bob.commands).isEmpty();
  }

  @Test
  void thePeerHangingUpClosesTheQuestion() {
    inCallWithBob();
    calls.onTransferRequested(bob, "sip:carol@office.example");

    calls.onEnded(bob, "The other side hung up");

    assertThat(prompt.shownProperty().get()).isFalse();
    prompt.stay();
    assertThat(bob.commands).isEmpty();
  }

  @Test
  void aRequestFromACallNotShownIsDeclinedAtOnce() {
    FakeCall stranger = new FakeCall("Mallory", true);

    calls.onTransferRequested(stranger, "sip:carol@office.example");

    assertThat(stranger.commands).containsExactly("declineTransfer");
    assertThat(prompt.shownProperty().get()).isFalse();
  }

  @Test
  void theGermanQuestionNamesBothParties() {
    CallsViewModel german =
        new CallsViewModel(target -> bob, DIRECT, DIRECT, Texts.forLocale(Locale.GERMAN));
    german.onIncoming(bob);
    german.answer();

    german.onTransferRequested(bob, "sip:carol@office.example");

    assertThat(german.transferPrompt().questionProperty().get())
        .isEqualTo("Bob möchte Sie zu carol@office.example weiterverbinden.");
  }
}

package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class CallsViewModelTest {

  private static final Executor DIRECT = Runnable::run;

  private final List<String> dialled = new ArrayList<>();
  private final FakeCall outgoing = new FakeCall("sip:echo@localhost", false);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> {
            dialled.add(target);
            return outgoing;
          },
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH));

  @Test
  void enterInTheDialFieldCallsTheNormalisedTarget() {
    calls.dialTextProperty().set(" +49 (30) 123-45 ");

    calls.dial();

    assertThat(dialled).containsExactly("+493012345");
    assertThat(calls.inCallProperty().get()).isTrue();
    assertThat(calls.callStateProperty().get()).isEqualTo("Calling…");
    assertThat(calls.dialErrorProperty().get()).isEmpty();
  }

  @Test
  void anUncallableDialTextIsExplainedAndNothingIsDialled() {
    calls.dialTextProperty().set("bob smith@");

    calls.dial();

    assertThat(dialled).isEmpty();
    assertThat(calls.dialErrorProperty().get())
        .isEqualTo(
            "“bob smith@” is not a number or SIP address. Try 1234, alice or"
                + " sip:alice@example.com.");
    assertThat(calls.inCallProperty().get()).isFalse();
  }

  @Test
  void aSecondDialDuringACallIsRefused() {
    calls.call("sip:echo@localhost");
    calls.call("sip:bob@localhost");

    assertThat(dialled).containsExactly("sip:echo@localhost");
    assertThat(calls.dialErrorProperty().get()).isEqualTo("Hang up the current call first.");
  }

  @Test
  void aFailingDialEndsTheCallViewWithTheReason() {
    CallsViewModel failing =
        new CallsViewModel(
            target -> {
              throw new IllegalStateException("No account is registered");
            },
            DIRECT,
            DIRECT,
            Texts.forLocale(Locale.ENGLISH));

    failing.call("sip:echo@localhost");

    assertThat(failing.inCallProperty().get()).isFalse();
    assertThat(failing.dialErrorProperty().get())
        .isEqualTo("The call could not start: No account is registered");
  }

  @Test
  void establishedCallShowsCodecAndLiveQualityEverySecond() {
    calls.call("sip:echo@localhost");
    outgoing.quality = java.util.Optional.of(new ActiveCall.LiveQuality(4.32, 1.25, 3.4, -1));

    calls.onEstablished(outgoing, "opus");

    assertThat(calls.callStateProperty().get()).isEqualTo("Connected (OPUS)");
    assertThat(calls.qualityProperty().get())
        .isEqualTo("Quality: MOS 4.3 · loss 1.3 % · jitter 3 ms · round trip not yet measured");

    outgoing.quality = java.util.Optional.of(new ActiveCall.LiveQuality(3.9, 0, 12.6, 41.2));
    calls.refreshQuality();

    assertThat(calls.qualityProperty().get())
        .isEqualTo("Quality: MOS 3.9 · loss 0.0 % · jitter 13 ms · round trip 41");
  }

  @Test
  void muteHoldKeypadAndHangUpReachTheCall() {
    calls.call("sip:echo@localhost");
    calls.onEstablished(outgoing, "PCMU");

    calls.mutedProperty().set(true);
    calls.toggleHold();
    calls.onHoldChanged(outgoing, true, false);
    calls.toggleHold();
    calls.sendDigit('5');
    calls.sendDigit('#');
    calls.sendDigit('x');
    calls.hangUp();

    assertThat(outgoing.commands)
        .containsExactly("mute", "hold", "resume", "digit 5", "digit #", "hangUp");
    assertThat(calls.digitsSentProperty().get()).isEqualTo("5#");
    assertThat(calls.heldProperty().get()).isTrue();
    assertThat(calls.callStateProperty().get()).isEqualTo("On hold");
  }

  @Test
  void endedCallClearsTheCallViewAndTellsTheHistory() {
    List<String> ended = new ArrayList<>();
    calls.setCallEndedListener(() -> ended.add("reload"));
    calls.call("sip:echo@localhost");
    calls.onEstablished(outgoing, "opus");

    calls.onEnded(outgoing, "You hung up");

    assertThat(calls.inCallProperty().get()).isFalse();
    assertThat(calls.qualityProperty().get()).isEmpty();
    assertThat(calls.lastOutcomeProperty().get())
        .isEqualTo("Call with sip:echo@localhost ended: You hung up");
    assertThat(ended).containsExactly("reload");
  }

  @Test
  void hangingUpBeforeTheDialReturnedEndsTheCallOnceItExists() {
    List<Runnable> pending = new ArrayList<>();
    CallsViewModel slow =
        new CallsViewModel(
            target -> outgoing, pending::add, DIRECT, Texts.forLocale(Locale.ENGLISH));

    slow.call("sip:echo@localhost");
    slow.hangUp();
    pending.forEach(Runnable::run);

    assertThat(outgoing.commands).containsExactly("hangUp");
  }

  @Test
  void incomingCallIsAnsweredFromTheNotification() {
    FakeCall bob = new FakeCall("Bob", true);

    calls.onIncoming(bob);
    assertThat(calls.incomingShownProperty().get()).isTrue();
    assertThat(calls.incomingCallerProperty().get()).isEqualTo("Bob");

    calls.answer();

    assertThat(bob.commands).containsExactly("answer");
    assertThat(calls.incomingShownProperty().get()).isFalse();
    assertThat(calls.inCallProperty().get()).isTrue();
    assertThat(calls.callPeerProperty().get()).isEqualTo("Bob");
  }

  @Test
  void declinedOrCancelledIncomingCallHidesTheNotification() {
    FakeCall bob = new FakeCall("Bob", true);
    FakeCall carol = new FakeCall("Carol", true);

    calls.onIncoming(bob);
    calls.decline();
    calls.onIncoming(carol);
    calls.onEnded(carol, "The caller hung up before the answer");

    assertThat(bob.commands).containsExactly("decline");
    assertThat(calls.incomingShownProperty().get()).isFalse();
    assertThat(calls.inCallProperty().get()).isFalse();
  }

  @Test
  void onlyACallThatStopsRingingUnansweredIsMissed() {
    List<String> missed = new ArrayList<>();
    calls.setMissedCallListener(missed::add);
    FakeCall bob = new FakeCall("Bob", true);
    FakeCall carol = new FakeCall("Carol", true);
    FakeCall dave = new FakeCall("Dave", true);

    calls.onIncoming(bob);
    calls.decline();
    calls.onEnded(bob, "You declined");
    calls.onIncoming(carol);
    calls.answer();
    calls.onEnded(carol, "Carol hung up");
    calls.onIncoming(dave);
    calls.onEnded(dave, "The caller hung up before the answer");

    assertThat(missed).containsExactly("Dave");
  }
}

package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** Several calls at once in {@link CallsViewModel}: call waiting, the call list and switching. */
class CallWaitingTest {

  private static final Executor DIRECT = Runnable::run;

  private final List<String> ringer = new ArrayList<>();
  private final List<String> dialled = new ArrayList<>();
  private final FakeCall dave = new FakeCall("sip:dave@localhost", false);
  private final FakeCall alice = new FakeCall("Alice", true);
  private final FakeCall bob = new FakeCall("Bob", true);
  private final FakeCall carol = new FakeCall("Carol", true);
  private final CallsViewModel calls =
      new CallsViewModel(
          target -> {
            dialled.add(target);
            return dave;
          },
          DIRECT,
          DIRECT,
          Texts.forLocale(Locale.ENGLISH),
          new Ringer() {
            @Override
            public void start() {
              ringer.add("start");
            }

            @Override
            public void stop() {
              ringer.add("stop");
            }
          });

  private void inCallWithAlice() {
    calls.onIncoming(alice);
    calls.answer();
    calls.onEstablished(alice, "opus");
    alice.commands.clear();
    ringer.clear();
  }

  @Test
  void aSecondCallerDuringACallShowsTheCallWaitingNotificationWithoutTheRinger() {
    inCallWithAlice();

    calls.onIncoming(bob);

    assertThat(calls.incomingShownProperty().get()).isTrue();
    assertThat(calls.callWaitingProperty().get()).isTrue();
    assertThat(calls.incomingCallerProperty().get()).isEqualTo("Bob");
    assertThat(ringer).isEmpty();
    assertThat(bob.commands).isEmpty();
    assertThat(alice.commands).isEmpty();
  }

  @Test
  void answeringTheWaitingCallHoldsTheCurrentOneAndListsBoth() {
    inCallWithAlice();
    calls.onIncoming(bob);

    calls.answer();

    assertThat(alice.commands).containsExactly("hold");
    assertThat(bob.commands).containsExactly("answer");
    assertThat(calls.lines())
        .extracting(line -> line.peerProperty().get())
        .containsExactly("Alice", "Bob");
    assertThat(calls.selectedProperty().get().peerProperty().get()).isEqualTo("Bob");
    assertThat(calls.callPeerProperty().get()).isEqualTo("Bob");
    assertThat(calls.callStateProperty().get()).isEqualTo("Connecting…");
    assertThat(calls.incomingShownProperty().get()).isFalse();
  }

  @Test
  void decliningTheWaitingCallSendsBusyAndLeavesTheCurrentCallAlone() {
    inCallWithAlice();
    calls.onIncoming(bob);

    calls.decline();

    assertThat(bob.commands).containsExactly("declineBusy");
    assertThat(alice.commands).isEmpty();
    assertThat(calls.lines()).hasSize(1);
    assertThat(calls.callWaitingProperty().get()).isFalse();
  }

  @Test
  void aLoneIncomingCallIsDeclinedNotBusy() {
    calls.onIncoming(bob);

    calls.decline();

    assertThat(bob.commands).containsExactly("decline");
  }

  @Test
  void aThirdCallerWhileOneIsWaitingHearsBusy() {
    inCallWithAlice();
    calls.onIncoming(bob);

    calls.onIncoming(carol);

    assertThat(carol.commands).containsExactly("declineBusy");
    assertThat(calls.incomingCallerProperty().get()).isEqualTo("Bob");
  }

  @Test
  void switchingCallsHoldsTheSelectedOneAndResumesTheChosenOne() {
    inCallWithAlice();
    calls.onIncoming(bob);
    calls.answer();
    calls.onEstablished(bob, "PCMU");
    calls.onHoldChanged(alice, true, false);
    CallLine aliceLine = calls.lines().get(0);
    alice.commands.clear();
    bob.commands.clear();

    calls.switchTo(aliceLine);

    assertThat(bob.commands).containsExactly("hold");
    assertThat(alice.commands).containsExactly("resume");
    assertThat(calls.callPeerProperty().get()).isEqualTo("Alice");
    assertThat(calls.callStateProperty().get()).isEqualTo("On hold");
    calls.onHoldChanged(alice, false, false);
    calls.onHoldChanged(bob, true, false);
    assertThat(calls.callStateProperty().get()).isEqualTo("Connected");
    assertThat(calls.heldProperty().get()).isFalse();
    assertThat(calls.lines().get(1).stateProperty().get()).isEqualTo("On hold");
    assertThat(calls.lines().get(1).heldProperty().get()).isTrue();
  }

  @Test
  void eachCallKeepsItsOwnMuteAndDigits() {
    inCallWithAlice();
    calls.mutedProperty().set(true);
    calls.sendDigit('1');
    calls.onIncoming(bob);
    calls.answer();
    calls.onHoldChanged(alice, true, false);
    calls.onEstablished(bob, "PCMU");

    assertThat(calls.mutedProperty().get()).isFalse();
    assertThat(calls.digitsSentProperty().get()).isEmpty();
    calls.sendDigit('2');
    calls.switchTo(calls.lines().get(0));

    assertThat(calls.mutedProperty().get()).isTrue();
    assertThat(calls.digitsSentProperty().get()).isEqualTo("1");
    assertThat(alice.commands).containsExactly("mute", "digit 1", "hold", "resume");
    assertThat(bob.commands).containsExactly("answer", "digit 2", "hold");
  }

  @Test
  void whenTheSelectedCallEndsTheHeldOneIsSelectedStillHeld() {
    inCallWithAlice();
    calls.onIncoming(bob);
    calls.answer();
    calls.onHoldChanged(alice, true, false);

    calls.onEnded(bob, "The other side hung up");

    assertThat(calls.inCallProperty().get()).isTrue();
    assertThat(calls.callPeerProperty().get()).isEqualTo("Alice");
    assertThat(calls.heldProperty().get()).isTrue();
    assertThat(alice.commands).containsExactly("hold");
    calls.onEnded(alice, "The other side hung up");
    assertThat(calls.inCallProperty().get()).isFalse();
    assertThat(calls.callPeerProperty().get()).isEmpty();
  }

  @Test
  void theRingerRingsWhileALoneCallRingsAndStopsOnAnswerDeclineOrCancel() {
    calls.onIncoming(alice);
    calls.answer();
    calls.onEnded(alice, "You hung up");
    calls.onIncoming(bob);
    calls.decline();
    calls.onIncoming(carol);
    calls.onEnded(carol, "The caller hung up before the answer");

    assertThat(ringer).containsExactly("start", "stop", "start", "stop", "start", "stop");
  }

  @Test
  void aLinkCalledDuringACallHoldsItAndAddsTheNewCallToTheList() {
    inCallWithAlice();
    calls.call("sip:dave@localhost");
    assertThat(dialled).isEmpty(); // the dial field still asks to hang up first

    calls.callAlongside("sip:dave@localhost");

    assertThat(dialled).containsExactly("sip:dave@localhost");
    assertThat(alice.commands).containsExactly("hold");
    assertThat(calls.lines()).hasSize(2);
    assertThat(calls.callPeerProperty().get()).isEqualTo("sip:dave@localhost");
    assertThat(calls.dialErrorProperty().get()).isEmpty();
  }

  @Test
  void aCallHandedOverByATransferStaysInTheListAsTheNewCall() {
    inCallWithAlice();
    FakeCall toCarol = new FakeCall("sip:carol@localhost", false);

    calls.onHandedOver(alice, toCarol);
    calls.onEnded(alice, "Transferred");

    assertThat(calls.inCallProperty().get()).isTrue();
    assertThat(calls.callPeerProperty().get()).isEqualTo("sip:carol@localhost");
    assertThat(calls.callStateProperty().get())
        .isEqualTo("Transferred: connecting to the new party…");
    calls.onEstablished(toCarol, "opus");
    assertThat(calls.callStateProperty().get()).isEqualTo("Connected (OPUS)");
    calls.hangUp();
    assertThat(toCarol.commands).containsExactly("hangUp");
    assertThat(alice.commands).isEmpty();
  }
}

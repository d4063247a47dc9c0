package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.DigitReceived;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.calllog.CallDirection;
import org.parley.core.calllog.CallDisposition;
import org.parley.core.calllog.CallRecord;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.MemoryCallLog;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.TestAccounts;
import org.parley.core.testing.ToneSequence;
import org.parley.media.codec.G711Codec;

/** Calls between two softphones through Parley's own server, with real RTP on loopback. */
class CallIT {

  private static final double[] ALICE_TONES = {500, 800, 1100, 1400};
  private static final double[] BOB_TONES = {1300, 1000, 700, 400};

  private BundledServer server;
  private Softphone alicePhone;
  private Softphone bobPhone;
  private Account alice;
  private Account bob;
  private final CallEvents aliceEvents = new CallEvents();
  private final CallEvents bobEvents = new CallEvents();
  private final MemoryCallLog aliceLog = new MemoryCallLog();
  private final MemoryCallLog bobLog = new MemoryCallLog();

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("alice", "wonder").user("bob", "builder");
    alicePhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alicePhone.setCallLog(aliceLog);
    bobPhone.setCallLog(bobLog);
    alice = register(alicePhone, "alice", "wonder", aliceEvents);
    bob = register(bobPhone, "bob", "builder", bobEvents);
  }

  private Account register(Softphone phone, String user, String password, CallEvents events)
      throws InterruptedException {
    Account account = TestAccounts.add(phone, server, user, password);
    account.addCallListener(events);
    return TestAccounts.register(account);
  }

  @AfterEach
  void stop() {
    alicePhone.close();
    bobPhone.close();
    server.close();
  }

  @Test
  void aliceAndBobHearEachOthersTonesAndTheCallIsLoggedWithQuality() throws Exception {
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing = alice.call("bob", CallMedia.of(new ToneSequence(ALICE_TONES), aliceHears));
    Call incoming = bobEvents.next(IncomingCall.class).call();
    assertThat(incoming.peerUri()).isEqualTo("sip:alice@office.example");
    incoming.answer(CallMedia.of(new ToneSequence(BOB_TONES), bobHears));

    CallEstablished established = aliceEvents.next(CallEstablished.class);
    assertThat(established.call()).isSameAs(outgoing);
    assertThat(established.codec()).isEqualToIgnoringCase("opus");
    assertThat(bobEvents.next(CallEstablished.class).codec()).isEqualToIgnoringCase("opus");

    assertThat(bobHears.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    assertThat(aliceHears.awaitToneRuns(4, 15_000)).containsExactly(1300.0, 1000.0, 700.0, 400.0);

    outgoing.hangUp();
    assertThat(aliceEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);
    assertThat(bobEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.REMOTE_HANGUP);
    CallRecord aliceRecord = aliceLog.next();
    assertThat(aliceRecord.direction()).isEqualTo(CallDirection.OUTGOING);
    assertThat(aliceRecord.disposition()).isEqualTo(CallDisposition.ANSWERED);
    assertThat(aliceRecord.peerUri()).isEqualTo("sip:bob@office.example");
    assertThat(aliceRecord.codec())
        .hasValueSatisfying(c -> assertThat(c).isEqualToIgnoringCase("opus"));
    assertThat(aliceRecord.answeredAt()).isPresent();
    assertThat(aliceRecord.quality())
        .hasValueSatisfying(
            q -> {
              assertThat(q.meanMos()).isBetween(3.5, 4.5);
              assertThat(q.lossPercent()).isLessThan(1.0);
            });
    CallRecord bobRecord = bobLog.next();
    assertThat(bobRecord.direction()).isEqualTo(CallDirection.INCOMING);
    assertThat(bobRecord.disposition()).isEqualTo(CallDisposition.ANSWERED);
    assertThat(bobRecord.quality()).isPresent();
  }

  @Test
  void aBusyRejectEndsTheCallWith486AndRejectedRecordsOnBothSides() throws Exception {
    alice.call("sip:bob@office.example");
    bobEvents.next(IncomingCall.class).call().reject();

    CallEnded ended = aliceEvents.next(CallEnded.class);
    assertThat(ended.statusCode()).isEqualTo(486);
    assertThat(ended.reason()).isEqualTo(EndReason.REJECTED);
    CallRecord aliceRecord = aliceLog.next();
    assertThat(aliceRecord.disposition()).isEqualTo(CallDisposition.REJECTED);
    assertThat(aliceRecord.statusCode()).isEqualTo(486);
    assertThat(aliceRecord.answeredAt()).isEmpty();
    assertThat(bobLog.next().disposition()).isEqualTo(CallDisposition.REJECTED);
  }

  @Test
  void cancellingBeforeTheAnswerIsCancelledForTheCallerAndMissedForTheCallee() throws Exception {
    Call outgoing = alice.call("bob");
    Call incoming = bobEvents.next(IncomingCall.class).call();
    outgoing.hangUp();

    assertThat(aliceEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.CANCELLED);
    CallEnded bobEnded = bobEvents.next(CallEnded.class);
    assertThat(bobEnded.call()).isSameAs(incoming);
    assertThat(bobEnded.reason()).isEqualTo(EndReason.CALLER_CANCELLED);
    assertThat(aliceLog.next().disposition()).isEqualTo(CallDisposition.CANCELLED);
    assertThat(bobLog.next().disposition()).isEqualTo(CallDisposition.MISSED);
  }

  @Test
  void digitsArriveByRfc4733AndBySipInfo() throws Exception {
    Call outgoing = alice.call("bob", CallMedia.silent().withCodecs(List.of(G711Codec.PCMU)));
    bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);

    outgoing.sendDigits("123#");
    StringBuilder viaRtp = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      DigitReceived digit = bobEvents.next(DigitReceived.class);
      assertThat(digit.viaInfo()).isFalse();
      viaRtp.append(digit.digit());
    }
    assertThat(viaRtp).hasToString("123#");

    outgoing.sendInfoDigits("9*");
    DigitReceived nine = bobEvents.next(DigitReceived.class);
    DigitReceived star = bobEvents.next(DigitReceived.class);
    assertThat(nine.viaInfo()).isTrue();
    assertThat("" + nine.digit() + star.digit()).isEqualTo("9*");
    outgoing.hangUp();
    bobEvents.next(CallEnded.class);
  }

  @Test
  void holdStopsTheMediaBothWaysAndResumeRestartsIt() throws Exception {
    Call outgoing = alice.call("bob", CallMedia.silent().withCodecs(List.of(G711Codec.PCMA)));
    Call incoming = bobEvents.next(IncomingCall.class).call();
    incoming.answer(CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);
    assertThat(outgoing.codec()).hasValue("PCMA");

    outgoing.hold();
    CallHoldChanged held = bobEvents.next(CallHoldChanged.class);
    assertThat(held.heldByPeer()).isTrue();
    assertThat(aliceEvents.next(CallHoldChanged.class).heldByUs()).isTrue();
    awaitStopped(() -> incoming.rtpStatistics().orElseThrow().packetsReceived());
    awaitStopped(() -> outgoing.rtpStatistics().orElseThrow().packetsReceived());

    outgoing.resume();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByPeer()).isFalse();
    awaitGrowing(() -> incoming.rtpStatistics().orElseThrow().packetsReceived());
    awaitGrowing(() -> outgoing.rtpStatistics().orElseThrow().packetsReceived());
    incoming.hangUp();
    assertThat(aliceEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.REMOTE_HANGUP);
  }

  @Test
  void aLateOfferCallGetsItsOfferIn200AndAnswerInAck() throws Exception {
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call outgoing =
        alice.call(
            "bob",
            CallMedia.of(new ToneSequence(ALICE_TONES), new RecordingSink(8000))
                .withLateOffer(true));
    bobEvents.next(IncomingCall.class).call().answer(CallMedia.of(new ToneSequence(), bobHears));
    assertThat(aliceEvents.next(CallEstablished.class).codec()).isEqualToIgnoringCase("opus");
    bobEvents.next(CallEstablished.class);
    assertThat(bobHears.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    outgoing.hangUp();
    bobEvents.next(CallEnded.class);
  }

  @Test
  void theEchoTestPlaysOurOwnTonesBack() throws Exception {
    RecordingSink heard = new RecordingSink(ToneSequence.RATE_HZ);
    Call echo =
        alice.call("sip:echo@office.example", CallMedia.of(new ToneSequence(ALICE_TONES), heard));
    aliceEvents.next(CallEstablished.class);
    assertThat(heard.awaitToneRuns(4, 15_000)).containsExactly(500.0, 800.0, 1100.0, 1400.0);
    echo.hangUp();
    assertThat(aliceLog.next().disposition()).isEqualTo(CallDisposition.ANSWERED);
  }

  @Test
  void aSecondCallWhileOneIsUpIsAnnouncedNotRejected() throws Exception {
    Call first = alice.call("bob");
    bobEvents.next(IncomingCall.class).call().answer(CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    Call second = alice.call("bob");
    Call waiting = bobEvents.next(IncomingCall.class).call();
    assertThat(bob.activeCalls()).hasSize(2);
    waiting.answer(CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    assertThat(second.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(first.state()).isEqualTo(Call.State.ESTABLISHED);
    first.hangUp();
    second.hangUp();
    bobEvents.next(CallEnded.class);
    bobEvents.next(CallEnded.class);
  }

  // A counter that stays put over a quarter second (several packet times) has stopped.
  private static void awaitStopped(LongSupplier counter) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    long last = counter.getAsLong();
    while (System.nanoTime() < deadline) {
      Thread.sleep(250); // observing an absence needs an interval; not synchronisation
      long now = counter.getAsLong();
      if (now == last) {
        return;
      }
      last = now;
    }
    throw new AssertionError("Packets kept arriving during hold");
  }

  private static void awaitGrowing(LongSupplier counter) throws InterruptedException {
    long start = counter.getAsLong();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      Thread.sleep(50);
      if (counter.getAsLong() > start + 10) {
        return;
      }
    }
    throw new AssertionError("Packets did not flow again after resume");
  }
}

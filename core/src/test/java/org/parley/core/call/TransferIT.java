package org.parley.core.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.CallReplaced;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.media.audio.AudioSource;

/**
 * Call transfer between three softphones through Parley's own server: blind (REFER), attended
 * (REFER with Replaces) and failed, with real RTP on loopback.
 */
class TransferIT {

  private static final double[] ALICE_TONES = {500, 800, 1100, 1400};
  private static final double[] CAROL_TONES = {1300, 1000, 700, 400};

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
  void blindTransferConnectsAliceWithCarolAndEndsBobsCall() throws Exception {
    TonesOnCue aliceSays = new TonesOnCue();
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call aliceToBob = alice.call("bob", CallMedia.of(aliceSays, aliceHears));
    Call bobFromAlice = answer(bobEvents, CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);

    bobFromAlice.transfer("carol");

    CallTransferred transferred = aliceEvents.next(CallTransferred.class);
    assertThat(transferred.call()).isSameAs(aliceToBob);
    Call aliceToCarol = transferred.newCall();
    assertThat(aliceToCarol.peerUri()).isEqualTo("sip:carol@office.example");
    RecordingSink carolHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call carolFromAlice =
        answer(carolEvents, CallMedia.of(new ToneSequence(CAROL_TONES), carolHears));
    assertThat(carolFromAlice.peerUri()).isEqualTo("sip:alice@office.example");
    assertThat(aliceEvents.next(CallEstablished.class).call()).isSameAs(aliceToCarol);

    // The REFER's 202, then Alice's NOTIFYs: 100 at once, Carol's 180, her 200.
    List<Integer> progress = progressUntilFinal(bobEvents);
    assertThat(progress).containsSubsequence(202, 200).containsSubsequence(100, 180, 200);
    assertThat(progress).last().isEqualTo(200);
    assertThat(bobEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.TRANSFERRED);
    CallEnded aliceEnded = aliceEvents.next(CallEnded.class);
    assertThat(aliceEnded.call()).isSameAs(aliceToBob);
    assertThat(aliceEnded.reason()).isEqualTo(EndReason.REMOTE_HANGUP);
    assertThat(aliceToCarol.state()).isEqualTo(Call.State.ESTABLISHED);

    aliceSays.play(ALICE_TONES);
    assertHears(carolHears, ALICE_TONES);
    assertHears(aliceHears, CAROL_TONES);
    aliceToCarol.hangUp();
    assertThat(carolEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.REMOTE_HANGUP);
  }

  @Test
  void attendedTransferReplacesBobsConsultationCallAndEndsBothOfBobsCalls() throws Exception {
    TonesOnCue aliceSays = new TonesOnCue();
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    alice.call("bob", CallMedia.of(aliceSays, aliceHears));
    Call bobFromAlice = answer(bobEvents, CallMedia.silent());
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);
    bobFromAlice.hold();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByUs()).isTrue();

    TonesOnCue carolSays = new TonesOnCue();
    RecordingSink carolHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call bobToCarol = bob.call("carol");
    Call carolFromBob = answer(carolEvents, CallMedia.of(carolSays, carolHears));
    assertThat(bobEvents.next(CallEstablished.class).call()).isSameAs(bobToCarol);
    carolEvents.next(CallEstablished.class);

    bobFromAlice.transferTo(bobToCarol);

    Call aliceToCarol = aliceEvents.next(CallTransferred.class).newCall();
    CallReplaced replaced = carolEvents.next(CallReplaced.class);
    assertThat(replaced.call()).isSameAs(carolFromBob);
    Call carolFromAlice = replaced.newCall();
    assertThat(carolFromAlice.peerUri()).isEqualTo("sip:alice@office.example");
    assertThat(aliceEvents.next(CallEstablished.class).call()).isSameAs(aliceToCarol);
    assertThat(carolEvents.next(CallEstablished.class).call()).isSameAs(carolFromAlice);

    assertThat(finalProgress(bobEvents).statusCode()).isEqualTo(200);
    List<Call> bobsEnded = List.of(bobEvents.next(CallEnded.class).call(), nextEnded(bobEvents));
    assertThat(bobsEnded).containsExactlyInAnyOrder(bobFromAlice, bobToCarol);
    assertThat(bob.activeCalls()).isEmpty();
    assertThat(carolEvents.next(CallEnded.class).call()).isSameAs(carolFromBob);
    CallEnded aliceEnded = aliceEvents.next(CallEnded.class);
    assertThat(aliceEnded.call().peerUri()).isEqualTo("sip:bob@office.example");
    assertThat(aliceEnded.reason()).isEqualTo(EndReason.REMOTE_HANGUP);

    aliceSays.play(ALICE_TONES);
    carolSays.play(CAROL_TONES);
    assertHears(carolHears, ALICE_TONES);
    assertHears(aliceHears, CAROL_TONES);
    carolFromAlice.hangUp();
    assertThat(aliceEvents.next(CallEnded.class).call()).isSameAs(aliceToCarol);
  }

  @Test
  void aTransferToAnUnknownUserFailsWith404AndBobsCallResumes() throws Exception {
    TonesOnCue aliceSays = new TonesOnCue();
    Call aliceToBob = alice.call("bob", CallMedia.of(aliceSays, new RecordingSink(8000)));
    RecordingSink bobHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call bobFromAlice = answer(bobEvents, CallMedia.of(new ToneSequence(), bobHears));
    aliceEvents.next(CallEstablished.class);
    bobEvents.next(CallEstablished.class);
    bobFromAlice.hold();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByUs()).isTrue();

    bobFromAlice.transfer("nobody");

    Call aliceToNobody = aliceEvents.next(CallTransferred.class).newCall();
    CallEnded nobodyEnded = aliceEvents.next(CallEnded.class);
    assertThat(nobodyEnded.call()).isSameAs(aliceToNobody);
    assertThat(nobodyEnded.statusCode()).isEqualTo(404);
    TransferProgress failed = finalProgress(bobEvents);
    assertThat(failed.statusCode()).isEqualTo(404);
    assertThat(failed.succeeded()).isFalse();
    assertThat(bobEvents.next(CallHoldChanged.class).heldByUs()).isFalse();
    assertThat(bobFromAlice.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(aliceToBob.state()).isEqualTo(Call.State.ESTABLISHED);
    assertThat(bob.activeCalls()).containsExactly(bobFromAlice);
    assertThat(alice.activeCalls()).containsExactly(aliceToBob);
    // Alice's audio went back to the call she still has.
    aliceSays.play(ALICE_TONES);
    assertHears(bobHears, ALICE_TONES);
    bobFromAlice.hangUp();
    assertThat(aliceEvents.next(CallEnded.class).call()).isSameAs(aliceToBob);
  }

  private static Call answer(CallEvents events, CallMedia media) throws InterruptedException {
    Call incoming = events.next(IncomingCall.class).call();
    incoming.answer(media);
    return incoming;
  }

  private static TransferProgress finalProgress(CallEvents events) throws InterruptedException {
    while (true) {
      TransferProgress progress = events.next(TransferProgress.class);
      if (progress.finalStatus()) {
        return progress;
      }
    }
  }

  private static List<Integer> progressUntilFinal(CallEvents events) throws InterruptedException {
    List<Integer> statuses = new ArrayList<>();
    while (true) {
      TransferProgress progress = events.next(TransferProgress.class);
      statuses.add(progress.statusCode());
      if (progress.finalStatus()) {
        assertThat(progress.call().state()).isNotEqualTo(Call.State.RINGING);
        return statuses;
      }
    }
  }

  private static Call nextEnded(CallEvents events) throws InterruptedException {
    return events.next(CallEnded.class).call();
  }

  // The jitter buffer may stretch or squeeze the timeline on a loaded machine, so the tones are
  // found as runs of 50 ms windows rather than at fixed offsets from the first sound.
  private static void assertHears(RecordingSink heard, double[] tones) throws Exception {
    heard.awaitAfterSound(ToneSequence.SEGMENT_MILLIS * (tones.length + 1), 15_000);
    List<Double> expected = new ArrayList<>();
    for (double tone : tones) {
      expected.add(tone);
    }
    assertThat(toneRuns(heard.samples())).containsSubsequence(expected);
  }

  private static List<Double> toneRuns(short[] heard) {
    int rate = ToneSequence.RATE_HZ;
    int step = rate / 20;
    int segment = rate * ToneSequence.SEGMENT_MILLIS / 1000;
    List<Double> runs = new ArrayList<>();
    double current = 0;
    int windows = 0;
    for (int from = 0; from + segment <= heard.length; from += step) {
      List<Double> found =
          ToneSequence.tonesIn(Arrays.copyOfRange(heard, from, from + segment), rate, 1);
      double tone = found.isEmpty() ? 0 : found.get(0);
      windows = tone == current ? windows + 1 : 1;
      current = tone;
      // Two windows in a row (100 ms) make a run; a boundary or a glitch does not.
      if (windows == 2 && tone != 0 && (runs.isEmpty() || runs.get(runs.size() - 1) != tone)) {
        runs.add(tone);
      }
    }
    return runs;
  }

  /** Silence until the test cues its tones, so they play on the call that holds the media then. */
  private static final class TonesOnCue implements AudioSource {
    private volatile ToneSequence tones;

    void play(double... tonesHz) {
      tones = new ToneSequence(tonesHz);
    }

    @Override
    public int sampleRateHz() {
      return ToneSequence.RATE_HZ;
    }

    @Override
    public int read(short[] frame) {
      ToneSequence current = tones;
      if (current == null) {
        Arrays.fill(frame, (short) 0);
        return frame.length;
      }
      return current.read(frame);
    }
  }
}

package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.parley.core.account.Account;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.ToneSequence;
import org.parley.server.sip.BaresipAgent;

/**
 * A baresip 1.0 agent that plays a tone sequence and records what it hears, for calls with the
 * core's user agent; and the checks that each side heard the other's sequence, tone by tone.
 */
final class BaresipPeer {

  /** Silence before baresip's tones, so they start after the media path is up. */
  static final int LEAD_IN_MILLIS = 500;

  /** The WAV baresip plays: longer than any call here, so its file source never runs dry. */
  private static final double SOURCE_SECONDS = 20;

  private static final long MEDIA_TIMEOUT_MILLIS = 15_000;
  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);

  private BaresipPeer() {}

  /**
   * Starts baresip as {@code sip:user@domain}, registering through {@code proxyPort} on loopback
   * and answering calls at once, with {@code tonesHz} as its microphone.
   */
  static BaresipAgent start(
      Path work, String user, String password, String domain, int proxyPort, double... tonesHz)
      throws Exception {
    Path folder = work.resolve(user);
    Files.createDirectories(folder);
    Path source =
        ToneWav.write(folder.resolve("source.wav"), LEAD_IN_MILLIS, SOURCE_SECONDS, tonesHz);
    String account =
        "<sip:"
            + user
            + "@"
            + domain
            + ">;auth_pass="
            + password
            + ";outbound=\"sip:127.0.0.1:"
            + proxyPort
            + "\";regint=600;answermode=auto";
    return BaresipAgent.start(user, folder, account, source);
  }

  /**
   * The core's {@code caller} calls the baresip {@code callee} at {@code target} playing {@code
   * callerTonesHz}, hangs up once each side has heard the other's whole sequence, and checks both:
   * the caller heard {@code calleeTonesHz}, baresip's recording holds {@code callerTonesHz}.
   */
  static void callAndHearBothWays(
      Account caller,
      CallEvents callerEvents,
      BaresipAgent callee,
      String target,
      double[] callerTonesHz,
      double[] calleeTonesHz)
      throws Exception {
    RecordingSink callerHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call call = caller.call(target, CallMedia.of(new ToneSequence(callerTonesHz), callerHears));
    assertThat(callerEvents.next(CallEstablished.class).codec()).isIn("PCMU", "PCMA");
    assertThat(callee.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("baresip answered; %s", callee.describe())
        .isPresent();
    assertParleyHeard(callerHears, calleeTonesHz);
    awaitRecorded(callee, callerTonesHz);
    call.hangUp();
    assertThat(callee.awaitEvent("CALL_CLOSED", STEP_DEADLINE))
        .as("baresip saw the BYE; %s", callee.describe())
        .isPresent();
    assertThat(callerEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);
    assertBaresipHeard(callee, callerTonesHz);
  }

  /**
   * The baresip {@code caller} dials {@code target}, the core's side answers playing {@code
   * calleeTonesHz}, baresip hangs up once each side has heard the other's whole sequence, and both
   * are checked: the core's side heard {@code callerTonesHz}, baresip's recording holds {@code
   * calleeTonesHz}.
   */
  static void answerAndHearBothWays(
      CallEvents calleeEvents,
      BaresipAgent caller,
      String target,
      double[] calleeTonesHz,
      double[] callerTonesHz)
      throws Exception {
    caller.command("dial", target, STEP_DEADLINE);
    IncomingCall incoming = calleeEvents.next(IncomingCall.class);
    assertThat(incoming.call().peerUri()).startsWith("sip:" + caller.name() + "@");
    RecordingSink calleeHears = new RecordingSink(ToneSequence.RATE_HZ);
    incoming.call().answer(CallMedia.of(new ToneSequence(calleeTonesHz), calleeHears));
    assertThat(calleeEvents.next(CallEstablished.class).codec()).isIn("PCMU", "PCMA");
    assertThat(caller.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("baresip's call established; %s", caller.describe())
        .isPresent();
    assertParleyHeard(calleeHears, callerTonesHz);
    awaitRecorded(caller, calleeTonesHz);
    caller.command("hangup", null, STEP_DEADLINE);
    assertThat(calleeEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.REMOTE_HANGUP);
    assertThat(caller.awaitEvent("CALL_CLOSED", STEP_DEADLINE)).isPresent();
    assertBaresipHeard(caller, calleeTonesHz);
  }

  /** Waits for the whole sequence in what the core's side heard and checks it, tone by tone. */
  static void assertParleyHeard(RecordingSink heard, double... tonesHz)
      throws InterruptedException {
    // One segment more than the sequence: room for a timeline the jitter buffer stretched.
    heard.awaitAfterSound(ToneSequence.SEGMENT_MILLIS * (tonesHz.length + 1), MEDIA_TIMEOUT_MILLIS);
    assertThat(ToneSequence.toneRunsIn(heard.samples(), ToneSequence.RATE_HZ))
        .as("tones Parley heard")
        .containsExactly(boxed(tonesHz));
  }

  /**
   * Waits until sndfile's recording of what baresip decoded spans twice the sequence's length after
   * a lead-in, ample room for {@code tonesHz} to have arrived.
   */
  static void awaitRecorded(BaresipAgent agent, double... tonesHz) throws Exception {
    long millis = LEAD_IN_MILLIS + 2L * ToneSequence.SEGMENT_MILLIS * tonesHz.length;
    long wantedBytes = 44 + 2L * ToneSequence.RATE_HZ * millis / 1000;
    long deadline = System.nanoTime() + MEDIA_TIMEOUT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      List<Path> heard = agent.recordings("-dec.wav");
      if (!heard.isEmpty() && Files.size(heard.get(0)) >= wantedBytes) {
        return;
      }
      // Waiting on the child doubles as the pause between looks and notices an early exit.
      if (agent.exitedWithin(Duration.ofMillis(50))) {
        break;
      }
    }
    throw new AssertionError("baresip recorded too little; " + agent.describe());
  }

  /** Checks sndfile's recording of the call (closed by now): it holds {@code tonesHz} in order. */
  static void assertBaresipHeard(BaresipAgent agent, double... tonesHz) throws Exception {
    List<Path> heard = agent.recordings("-dec.wav");
    assertThat(heard).as("sndfile's recording of what baresip heard").hasSize(1);
    assertThat(ToneSequence.toneRunsIn(ToneWav.read(heard.get(0)), ToneSequence.RATE_HZ))
        .as("tones baresip heard")
        .containsExactly(boxed(tonesHz));
  }

  private static Double[] boxed(double[] values) {
    return Arrays.stream(values).boxed().toArray(Double[]::new);
  }
}

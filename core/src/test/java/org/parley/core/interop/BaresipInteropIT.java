package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.ToneSequence;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.sip.BaresipAgent;

/**
 * The core's user agent and baresip 1.0, both registered on Parley's server, calling each other
 * both ways. Each side plays its own tone sequence (baresip from a WAV file through {@code aufile})
 * and records what it hears (baresip through {@code sndfile}); each must hear the other's sequence,
 * tone by tone, in order.
 *
 * <p>Without baresip these tests are skipped, except under {@code CI}, where they fail.
 */
class BaresipInteropIT {

  private static final double[] PARLEY_TONES = {500, 900, 1300, 700};
  private static final double[] BARESIP_TONES = {1200, 400, 1000, 600};

  /** Silence before baresip's tones, so they start after the media path is up. */
  private static final int LEAD_IN_MILLIS = 500;

  /** The WAV baresip plays: longer than any call here, so its file source never runs dry. */
  private static final double SOURCE_SECONDS = 20;

  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);
  private static final long MEDIA_TIMEOUT_MILLIS = 15_000;

  @TempDir Path work;

  private BundledServer server;
  private Softphone softphone;
  private Account alice;
  private BaresipAgent bob;
  private final CallEvents aliceEvents = new CallEvents();

  @BeforeEach
  void start() throws Exception {
    boolean installed = BaresipAgent.installed();
    if (System.getenv("CI") != null) {
      assertThat(installed)
          .as("CI must install baresip with modules %s (see .ci/run)", BaresipAgent.MODULES)
          .isTrue();
    }
    assumeTrue(installed, "baresip is not installed; .ci/run installs it");
    // libre 1.1 (under Debian's baresip 1.0) gives up on a 401 with any challenge but MD5.
    server =
        BundledServer.builder()
            .algorithms(DigestAlgorithm.MD5)
            .start()
            .user("alice", "wonder")
            .user("bob", "builder");
    softphone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice =
        softphone.addAccount(
            AccountConfig.of("sip:alice@" + BundledServer.DOMAIN, "wonder"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + server.port()));
    RegistrationEvents registration = new RegistrationEvents();
    alice.addRegistrationListener(registration);
    alice.addCallListener(aliceEvents);
    alice.register();
    registration.next(Registered.class);
    bob = startBaresip();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (softphone != null) {
      softphone.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void parleyCallsBaresipAndEachHearsTheOthersToneSequence() throws Exception {
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call call =
        alice.call(
            "sip:bob@" + BundledServer.DOMAIN,
            CallMedia.of(new ToneSequence(PARLEY_TONES), aliceHears));

    assertThat(aliceEvents.next(CallEstablished.class).codec()).isIn("PCMU", "PCMA");
    assertThat(bob.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("baresip answered; %s", bob.describe())
        .isPresent();
    assertHears(aliceHears, BARESIP_TONES);
    awaitBaresipRecorded();
    call.hangUp();
    assertThat(bob.awaitEvent("CALL_CLOSED", STEP_DEADLINE))
        .as("baresip saw the BYE; %s", bob.describe())
        .isPresent();
    assertThat(aliceEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);

    assertBaresipHeardParley();
  }

  @Test
  void baresipCallsParleyAndEachHearsTheOthersToneSequence() throws Exception {
    bob.command("dial", "sip:alice@" + BundledServer.DOMAIN, STEP_DEADLINE);
    IncomingCall incoming = aliceEvents.next(IncomingCall.class);
    assertThat(incoming.call().peerUri()).isEqualTo("sip:bob@" + BundledServer.DOMAIN);
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    incoming.call().answer(CallMedia.of(new ToneSequence(PARLEY_TONES), aliceHears));

    assertThat(aliceEvents.next(CallEstablished.class).codec()).isIn("PCMU", "PCMA");
    assertThat(bob.awaitEvent("CALL_ESTABLISHED", STEP_DEADLINE))
        .as("baresip's call established; %s", bob.describe())
        .isPresent();
    assertHears(aliceHears, BARESIP_TONES);
    awaitBaresipRecorded();
    bob.command("hangup", null, STEP_DEADLINE);
    assertThat(aliceEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.REMOTE_HANGUP);
    assertThat(bob.awaitEvent("CALL_CLOSED", STEP_DEADLINE)).isPresent();

    assertBaresipHeardParley();
  }

  private BaresipAgent startBaresip() throws Exception {
    Path folder = work.resolve("bob");
    Files.createDirectories(folder);
    Path source =
        ToneWav.write(folder.resolve("source.wav"), LEAD_IN_MILLIS, SOURCE_SECONDS, BARESIP_TONES);
    String account =
        "<sip:bob@"
            + BundledServer.DOMAIN
            + ">;auth_pass=builder;outbound=\"sip:127.0.0.1:"
            + server.port()
            + "\";regint=600;answermode=auto";
    BaresipAgent agent = BaresipAgent.start("bob", folder, account, source);
    awaitBinding("bob", agent);
    return agent;
  }

  /** Waits until the server holds a binding for {@code user}: baresip registered. */
  private void awaitBinding(String user, BaresipAgent agent) throws Exception {
    long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
    while (server.contactsOf(user).isEmpty()) {
      // Waiting on the child doubles as the pause between looks and notices an early exit.
      if (System.nanoTime() > deadline || agent.exitedWithin(Duration.ofMillis(50))) {
        throw new AssertionError(user + " did not register; " + agent.describe());
      }
    }
  }

  private static void assertHears(RecordingSink heard, double[] tonesHz)
      throws InterruptedException {
    heard.awaitAfterSound(ToneSequence.SEGMENT_MILLIS * tonesHz.length, MEDIA_TIMEOUT_MILLIS);
    assertThat(ToneSequence.tonesIn(heard.samples(), ToneSequence.RATE_HZ, tonesHz.length))
        .as("tones Parley heard")
        .containsExactly(boxed(tonesHz));
  }

  /** Waits until sndfile's recording of what baresip decoded spans Parley's whole sequence. */
  private void awaitBaresipRecorded() throws Exception {
    long wantedBytes =
        44 + 2L * ToneSequence.RATE_HZ * (LEAD_IN_MILLIS + 2 * tonesMillis(PARLEY_TONES)) / 1000;
    long deadline = System.nanoTime() + MEDIA_TIMEOUT_MILLIS * 1_000_000;
    while (System.nanoTime() < deadline) {
      List<Path> heard = bob.recordings("-dec.wav");
      if (!heard.isEmpty() && Files.size(heard.get(0)) >= wantedBytes) {
        return;
      }
      if (bob.exitedWithin(Duration.ofMillis(50))) {
        break;
      }
    }
    throw new AssertionError("baresip recorded too little; " + bob.describe());
  }

  private void assertBaresipHeardParley() throws Exception {
    List<Path> heard = bob.recordings("-dec.wav");
    assertThat(heard).as("sndfile's recording of what baresip heard").hasSize(1);
    assertThat(
            ToneSequence.tonesIn(
                ToneWav.read(heard.get(0)), ToneSequence.RATE_HZ, PARLEY_TONES.length))
        .as("tones baresip heard")
        .containsExactly(boxed(PARLEY_TONES));
  }

  private static int tonesMillis(double[] tonesHz) {
    return ToneSequence.SEGMENT_MILLIS * tonesHz.length;
  }

  private static Double[] boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
  }
}

package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.Unregistered;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEarlyMedia;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.EndReason;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.AnswerSplitSink;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.TestAccounts;
import org.parley.core.testing.ToneSequence;
import org.parley.media.codec.G711Codec;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.Sipp;

/**
 * The core's user agent against SIPp (Debian package {@code sip-tester}): calling a SIPp UAS
 * directly, answering a SIPp UAC that calls through Parley's server, and registering with SIPp
 * acting as a registrar that checks the digest, and a SIPp callee that plays early media in a 183.
 * SIPp echoes our RTP ({@code -rtp_echo}) in the other calls, so each call also proves the SDP it
 * negotiated: we must hear our own tone sequence back.
 *
 * <p>Without {@code sipp} these tests are skipped, except under {@code CI}, where they fail.
 */
class SippInteropIT {

  private static final double[] TONES_HZ = {600, 1000, 1400, 800};

  /** SIPp's own global timeout; reaching it fails the run. */
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(30);

  private static final Duration SIPP_DEADLINE = SIPP_TIMEOUT.plusSeconds(10);

  private static final long MEDIA_TIMEOUT_MILLIS = 15_000;

  private final List<Sipp> runs = new ArrayList<>();
  private final CallEvents callEvents = new CallEvents();
  private final RegistrationEvents registrationEvents = new RegistrationEvents();
  private Path traces;
  private Softphone softphone;
  private BundledServer server;

  @BeforeEach
  void requireSipp(TestInfo test) throws Exception {
    Sipp.assumeInstalled();
    traces =
        Path.of("target", "sipp-interop", test.getTestMethod().orElseThrow().getName())
            .toAbsolutePath();
    softphone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (softphone != null) {
      softphone.close();
    }
    for (Sipp run : runs) {
      run.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void weCallASippUasDirectlyAndHearOurTonesEchoed() throws Exception {
    int mediaPort = FreePorts.udpAndTcp();
    // SIPp answers calls it did not start from the request's source; the target is never used.
    Sipp uas =
        sipp(
            "uas",
            "127.0.0.1:9",
            List.of(
                "-sf",
                copiedServerScenario("uas-answer.xml").toString(),
                "-key",
                "user",
                "service",
                "-mp",
                String.valueOf(mediaPort),
                "-rtp_echo",
                "-m",
                "1"));
    Account alice = TestAccounts.direct(softphone, "alice", uas.localPort());
    alice.addCallListener(callEvents);
    RecordingSink heard = new RecordingSink(ToneSequence.RATE_HZ);

    Call call =
        alice.call(
            "sip:service@127.0.0.1:" + uas.localPort(),
            CallMedia.of(new ToneSequence(TONES_HZ), heard));

    assertThat(callEvents.next(CallEstablished.class).codec())
        .as("SIPp answers PCMU only; %s", uas.report())
        .isEqualTo("PCMU");
    assertHeardOwnTones(heard, uas);
    call.hangUp();
    assertThat(callEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);
    assertThat(uas.await(SIPP_DEADLINE)).as("UAS exit code; %s", uas.report()).isZero();
    assertThat(uas.counter("SuccessfulCall(C)")).as(uas.report()).isOne();
  }

  @Test
  void aSippUasPlaysEarlyMediaIn183AndWeHearItBeforeTheAnswer() throws Exception {
    double[] earlyTonesHz = {700, 1200};
    Files.createDirectories(traces);
    Files.write(traces.resolve("early.ulaw"), pcmu(new ToneSequence(earlyTonesHz)));
    Sipp uas =
        sipp(
            "uas",
            "127.0.0.1:9",
            List.of(
                "-sf",
                Sipp.scenario("uas-early-media.xml").toString(),
                "-key",
                "user",
                "service",
                "-mp",
                String.valueOf(FreePorts.udpAndTcp()),
                "-m",
                "1"));
    Account alice = TestAccounts.direct(softphone, "alice", uas.localPort());
    AnswerSplitSink heard = new AnswerSplitSink();
    alice.addCallListener(heard);
    alice.addCallListener(callEvents);

    Call call =
        alice.call(
            "sip:service@127.0.0.1:" + uas.localPort(), CallMedia.of(new ToneSequence(), heard));

    assertThat(callEvents.next(CallEarlyMedia.class).codec()).as(uas.report()).isEqualTo("PCMU");
    callEvents.next(CallEstablished.class);
    assertThat(ToneSequence.toneRunsIn(heard.beforeAnswer().samples(), ToneSequence.RATE_HZ))
        .as("what played before SIPp's 200 (its tones, three times over); %s", uas.report())
        .containsSubsequence(700.0, 1200.0, 700.0, 1200.0)
        .containsOnly(700.0, 1200.0);
    call.hangUp();
    assertThat(callEvents.next(CallEnded.class).reason()).isEqualTo(EndReason.LOCAL_HANGUP);
    assertThat(uas.await(SIPP_DEADLINE)).as("UAS exit code; %s", uas.report()).isZero();
    assertThat(uas.counter("SuccessfulCall(C)")).as(uas.report()).isOne();
  }

  @Test
  void aSippUacCallsUsThroughTheServerAndWeAnswer() throws Exception {
    server =
        BundledServer.builder()
            // SIPp 3.6.1 answers only MD5 and reads the first challenge's algorithm (ADR 0009).
            .algorithms(org.parley.server.auth.DigestAlgorithm.MD5)
            .start()
            .user("caller", "caller-secret")
            .user("bob", "builder");
    Account bob =
        softphone.addAccount(
            AccountConfig.of("sip:bob@" + BundledServer.DOMAIN, "builder"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + server.port()));
    bob.addRegistrationListener(registrationEvents);
    bob.addCallListener(callEvents);
    bob.register();
    registrationEvents.next(Registered.class);

    int mediaPort = FreePorts.udpAndTcp();
    Sipp uac =
        sipp(
            "uac",
            "127.0.0.1:" + server.port(),
            List.of(
                "-sf",
                copiedServerScenario("uac-call.xml").toString(),
                "-key",
                "domain",
                BundledServer.DOMAIN,
                "-key",
                "caller",
                "caller",
                "-key",
                "callee",
                "bob",
                "-au",
                "caller",
                "-ap",
                "caller-secret",
                "-mp",
                String.valueOf(mediaPort),
                "-rtp_echo",
                // Long enough for the whole tone sequence to go out and come back.
                "-d",
                "4000",
                "-m",
                "1"));
    IncomingCall incoming = callEvents.next(IncomingCall.class);
    assertThat(incoming.call().peerUri()).isEqualTo("sip:caller@" + BundledServer.DOMAIN);
    RecordingSink heard = new RecordingSink(ToneSequence.RATE_HZ);
    incoming.call().answer(CallMedia.of(new ToneSequence(TONES_HZ), heard));

    assertThat(callEvents.next(CallEstablished.class).codec()).isEqualTo("PCMU");
    assertHeardOwnTones(heard, uac);
    assertThat(callEvents.next(CallEnded.class).reason())
        .as("SIPp hangs up after -d")
        .isEqualTo(EndReason.REMOTE_HANGUP);
    assertThat(uac.await(SIPP_DEADLINE)).as("UAC exit code; %s", uac.report()).isZero();
    assertThat(uac.counter("SuccessfulCall(C)")).as(uac.report()).isOne();
  }

  @Test
  void weRegisterWithASippRegistrarThatChecksOurDigest() throws Exception {
    Sipp registrar =
        sipp(
            "registrar",
            "127.0.0.1:9",
            List.of(
                "-sf",
                Sipp.scenario("registrar-challenge.xml").toString(),
                "-key",
                "domain",
                "sipp.test",
                "-key",
                "user",
                "alice",
                "-key",
                "password",
                "alice-secret",
                "-m",
                "1"));
    Account alice =
        softphone.addAccount(
            AccountConfig.of("sip:alice@sipp.test", "alice-secret"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + registrar.localPort()));
    alice.addRegistrationListener(registrationEvents);

    alice.register();

    Registered registered = registrationEvents.next(Registered.class);
    assertThat(registered.expiresSeconds()).isEqualTo(600);
    assertThat(registered.contacts()).singleElement().asString().contains("alice@127.0.0.1:");
    softphone.close(); // un-REGISTERs: the scenario's last step
    assertThat(registrationEvents.next(Unregistered.class).account()).isSameAs(alice);
    assertThat(registrar.await(SIPP_DEADLINE))
        .as("registrar exit code (403 on a bad digest fails it); %s", registrar.report())
        .isZero();
    assertThat(registrar.counter("SuccessfulCall(C)")).as(registrar.report()).isOne();
  }

  private void assertHeardOwnTones(RecordingSink heard, Sipp peer) throws InterruptedException {
    try {
      // One segment more than the sequence: room for a timeline the jitter buffer stretched.
      heard.awaitAfterSound(
          ToneSequence.SEGMENT_MILLIS * (TONES_HZ.length + 1), MEDIA_TIMEOUT_MILLIS);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "; " + peer.report(), e);
    }
    assertThat(ToneSequence.toneRunsIn(heard.samples(), ToneSequence.RATE_HZ))
        .as("our tones, echoed by SIPp")
        .containsExactly(600.0, 1000.0, 1400.0, 800.0);
  }

  /** 8 kHz G.711 mu-law with no header: what SIPp's {@code rtp_stream} sends verbatim. */
  private static byte[] pcmu(ToneSequence tones) {
    short[] pcm =
        new short
            [ToneSequence.RATE_HZ * ToneSequence.SEGMENT_MILLIS / 1000 * tones.tonesHz().length];
    tones.read(pcm);
    byte[] payload = new byte[pcm.length];
    G711Codec.PCMU.newEncoder().encode(pcm, 0, pcm.length, payload);
    return payload;
  }

  private Sipp sipp(String name, String target, List<String> options) throws IOException {
    Sipp run = Sipp.start(name, traces, target, SIPP_TIMEOUT, options);
    runs.add(run);
    return run;
  }

  /**
   * A scenario of the server's SIPp tests, copied out of its test jar: SIPp needs a file, and the
   * same scenarios serve both sides of these calls.
   */
  private Path copiedServerScenario(String fileName) throws IOException {
    Files.createDirectories(traces);
    Path copy = traces.resolve(fileName);
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + fileName)) {
      if (in == null) {
        throw new IOException("No SIPp scenario sipp/" + fileName + " in the server's test jar");
      }
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }
}

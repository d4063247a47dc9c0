package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.testing.ToneSequence;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G711Codec;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.Sipp;

/**
 * The command line as its own process, the distribution's {@code parley.jar} that {@code ./parley}
 * runs, against SIPp (Debian package {@code sip-tester}) through the bundled server: SIPp calls
 * {@code parley answer} and streams tones to it; {@code parley call} calls a SIPp UAS that echoes
 * its audio. Without {@code sipp} these tests are skipped, except under {@code CI}.
 */
class SippCliIT {

  private static final double[] TONES_HZ = {500, 900, 1300};
  private static final Duration SIPP_TIMEOUT = Duration.ofSeconds(40);
  private static final Duration DEADLINE = SIPP_TIMEOUT.plusSeconds(10);
  private static final Duration REGISTRATION_DEADLINE = Duration.ofSeconds(20);

  @TempDir Path dir;
  private Path traces;
  private LocalServer server;
  private final List<Sipp> sipps = new ArrayList<>();
  private final List<ParleyProcess> parleys = new ArrayList<>();

  @BeforeEach
  void start(TestInfo test) throws Exception {
    Sipp.assumeInstalled();
    traces =
        Path.of("target", "sipp-cli", test.getTestMethod().orElseThrow().getName())
            .toAbsolutePath();
    Files.createDirectories(traces);
    server =
        LocalServer.start(
            dir.resolve("server"),
            "caller",
            "caller-secret",
            "bob",
            "builder99",
            "alice",
            "wonderland1",
            "tester",
            "tester-secret");
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (ParleyProcess parley : parleys) {
      parley.close();
    }
    for (Sipp sipp : sipps) {
      sipp.close();
    }
    server.close();
  }

  @Test
  void aSippUacCallsParleyAnswerAndItRecordsTheStreamedTones() throws Exception {
    Files.write(traces.resolve("tones.ulaw"), pcmu(new ToneSequence(TONES_HZ)));
    Path recording = dir.resolve("heard.wav");
    ParleyProcess answer =
        parley(
            "answer",
            "answer",
            "--account",
            server.account("bob"),
            "--password",
            "builder99",
            "--record",
            recording.toString(),
            "--calls",
            "1",
            "--duration",
            "60");
    answer.awaitLine("Registered ", REGISTRATION_DEADLINE);

    Sipp uac =
        sipp(
            "uac",
            List.of(
                "-sf",
                copiedScenario("uac-call-rtp-stream.xml").toString(),
                "-key",
                "domain",
                LocalServer.DOMAIN,
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
                String.valueOf(FreePorts.udpAndTcp()),
                // The tones last 0.9 s; the rest is room for the jitter buffer to play them out.
                "-d",
                "2500",
                "-m",
                "1"));

    assertThat(uac.await(DEADLINE)).as("SIPp UAC exit code; %s", uac.report()).isZero();
    assertThat(uac.counter("SuccessfulCall(C)")).as(uac.report()).isOne();
    assertThat(answer.awaitExit(DEADLINE)).as("parley answer: %s", answer.output()).isZero();
    assertThat(ToneFiles.toneRuns(recording))
        .as("what parley answer recorded")
        .containsExactly(500.0, 900.0, 1300.0);
  }

  @Test
  void parleyCallReachesARegisteredSippUasAndWritesItsStats() throws Exception {
    Path tones = ToneFiles.writeWav(dir.resolve("tones.wav"), new ToneSequence(TONES_HZ));
    Path heard = dir.resolve("heard.wav");
    Path stats = dir.resolve("stats.json");
    // The test ends the UAS's registration with an OPTIONS on this Call-ID (uas-registered.xml).
    String registrationCallId = "uas-registration-" + UUID.randomUUID() + "-1";
    Sipp uas =
        sipp(
            "uas",
            List.of(
                "-sf",
                copiedScenario("uas-registered.xml").toString(),
                "-oocsf",
                copiedScenario("uas-answer.xml").toString(),
                "-key",
                "domain",
                LocalServer.DOMAIN,
                "-key",
                "user",
                "tester",
                "-au",
                "tester",
                "-ap",
                "tester-secret",
                "-cid_str",
                registrationCallId.substring(0, registrationCallId.length() - 1) + "%u",
                "-mp",
                String.valueOf(FreePorts.udpAndTcp()),
                "-rtp_echo",
                "-trace_logs",
                "-log_file",
                traces.resolve("uas-calls.log").toString(),
                "-m",
                "1"));
    awaitSippRegistered(uas);

    ParleyProcess call =
        parley(
            "call",
            "call",
            // Not "echo": that name is the server's own echo test.
            "tester",
            "--account",
            server.account("alice"),
            "--password",
            "wonderland1",
            "--play",
            tones.toString(),
            "--record",
            heard.toString(),
            "--duration",
            "3",
            "--codec",
            "pcmu",
            "--stats",
            stats.toString());

    assertThat(call.awaitExit(DEADLINE)).as("parley call: %s", call.output()).isZero();
    JsonNode json = new ObjectMapper().readTree(stats.toFile());
    assertThat(json.get("codec").asText()).isEqualTo("PCMU");
    // 3 s at 20 ms per packet, give or take the answer's timing.
    assertThat(json.get("packetsSent").asLong()).isBetween(140L, 165L);
    assertThat(json.get("packetsReceived").asLong()).as("SIPp's echo").isGreaterThan(100L);
    assertThat(json.get("lossPercent").asDouble()).isLessThan(5.0);
    assertThat(json.get("jitterMs").asDouble()).isGreaterThanOrEqualTo(0.0);
    assertThat(json.has("rttMs")).isTrue();
    assertThat(json.get("mos").asDouble()).isGreaterThan(3.5);
    // The echo is played out through a jitter buffer, which always holds something.
    assertThat(json.get("jitterBufferMs").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(json.get("jitterBufferWorstMs").asDouble());
    assertThat(ToneFiles.toneRuns(heard))
        .as("our tones, echoed by SIPp")
        .containsExactly(500.0, 900.0, 1300.0);

    assertThat(endUasRegistration(registrationCallId)).as("OPTIONS to the UAS").isEqualTo(200);
    assertThat(uas.await(DEADLINE)).as("SIPp UAS exit code; %s", uas.report()).isZero();
    assertThat(uas.lines("calls.log").stream().filter(l -> l.contains("answered ")))
        .as("calls the UAS answered and saw hung up; %s", uas.report())
        .hasSize(1);
  }

  /** 8 kHz G.711 mu-law with no header: what SIPp's {@code rtp_stream} sends verbatim. */
  private static byte[] pcmu(ToneSequence tones) {
    short[] pcm =
        new short[ToneSequence.RATE_HZ * ToneSequence.SEGMENT_MILLIS / 1000 * TONES_HZ.length];
    tones.read(pcm);
    AudioEncoder encoder = G711Codec.PCMU.newEncoder();
    byte[] payload = new byte[pcm.length];
    encoder.encode(pcm, 0, pcm.length, payload);
    return payload;
  }

  private ParleyProcess parley(String name, String... args) throws IOException {
    ParleyProcess process = ParleyProcess.start(traces.resolve(name + "-output.txt"), args);
    parleys.add(process);
    return process;
  }

  private Sipp sipp(String name, List<String> options) throws IOException {
    Sipp run = Sipp.start(name, traces, "127.0.0.1:" + server.port(), SIPP_TIMEOUT, options);
    sipps.add(run);
    return run;
  }

  /** A scenario from this module's test resources or the server's test jar, as a file. */
  private Path copiedScenario(String fileName) throws IOException {
    Path copy = traces.resolve(fileName);
    try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + fileName)) {
      if (in == null) {
        throw new IOException("No SIPp scenario sipp/" + fileName + " on the test class path");
      }
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    return copy;
  }

  /** Waits until the server answered SIPp's authenticated REGISTER with 200. */
  private static void awaitSippRegistered(Sipp uas) throws InterruptedException {
    long deadline = System.nanoTime() + REGISTRATION_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      // SIPp logs each message it receives; the first 200 it gets is the one to its REGISTER.
      if (uas.lines("messages.log").stream().anyMatch(l -> l.startsWith("SIP/2.0 200"))) {
        return;
      }
      Thread.sleep(50); // polling a file SIPp writes: it has no other signal
    }
    throw new AssertionError("SIPp did not register within " + REGISTRATION_DEADLINE);
  }

  private int endUasRegistration(String callId) throws IOException {
    try (RawSipClient client = RawSipClient.udp(server.port())) {
      client.send(
          "OPTIONS sip:tester@"
              + LocalServer.DOMAIN
              + " SIP/2.0\nVia: "
              + client.via()
              + "\nMax-Forwards: 70\nFrom: <sip:sipp-cli-it@test.invalid>;tag=it\n"
              + "To: <sip:tester@"
              + LocalServer.DOMAIN
              + ">\nCall-ID: "
              + callId
              + "\nCSeq: 1 OPTIONS");
      return client.receive(message -> message.isResponse() && message.status() >= 200).status();
    }
  }
}

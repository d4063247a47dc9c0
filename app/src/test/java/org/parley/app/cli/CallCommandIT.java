package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.testing.ToneSequence;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;
import org.parley.server.sip.FreePorts;

/**
 * {@code parley answer} and {@code parley call} against a server in this JVM, through picocli as
 * the launcher runs them: the callee's recording holds the caller's tones.
 */
class CallCommandIT {

  private static final String DOMAIN = LocalServer.DOMAIN;
  private static final int RATE_HZ = 8000;
  private static final int SEGMENT_MILLIS = 400;
  private static final double[] TONES_HZ = {500, 900, 1300};

  @TempDir Path dir;
  private LocalServer server;
  private int port;

  @BeforeEach
  void startServer() throws Exception {
    server = LocalServer.start(dir.resolve("server"), "alice", "wonderland1", "bob", "builder99");
    port = server.port();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void theCalleesRecordingHoldsTheCallersTonesAndStatsAreWritten() throws Exception {
    ToneCall call = toneCall(List.of(), List.of());

    assertThat(call.callerExit()).as(call.callerErr()).isZero();
    assertThat(call.answerExit()).isZero();
    assertThat(heardTones(call.recording())).containsExactly(500.0, 900.0, 1300.0);
    assertThat(Files.readString(call.stats()))
        .contains("\"codec\":\"PCMU\"")
        .containsPattern("\"packetsSent\":1[0-9]{2}")
        .containsPattern("\"packetsReceived\":[1-9][0-9]+")
        .contains(
            "\"lossPercent\":", "\"jitterMs\":", "\"rttMs\":", "\"mos\":", "\"jitterBufferMs\":")
        .contains("\"srtp\":false");
    // The callee keeps its own receive side's figures (the direction the tones took).
    assertThat(Files.readString(call.answerStats()))
        .contains("\"codec\":\"PCMU\"")
        .containsPattern("\"packetsReceived\":[1-9][0-9]+")
        .contains("\"jitterBufferMs\":");
  }

  @Test
  void withSrtpRequiredOnBothSidesTheTonesArriveOverSrtp() throws Exception {
    ToneCall call = toneCall(List.of("--srtp", "required"), List.of("--srtp", "required"));

    assertThat(call.callerExit()).as(call.callerErr()).isZero();
    assertThat(call.answerExit()).isZero();
    assertThat(heardTones(call.recording()))
        .as(Files.readString(call.stats()))
        .containsExactly(500.0, 900.0, 1300.0);
    assertThat(Files.readString(call.stats())).contains("\"srtp\":true");
  }

  @Test
  void aPlainCallerIsRefusedByACalleeThatRequiresSrtp() throws Exception {
    ToneCall call = toneCall(List.of("--srtp", "none"), List.of("--srtp", "required"));

    assertThat(call.callerExit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(call.callerErr().lines())
        .singleElement()
        .asString()
        .startsWith("parley call: ")
        .contains("488");
  }

  /** What one {@code call} to an {@code answer --calls 1} left behind. */
  private record ToneCall(
      int callerExit,
      String callerErr,
      int answerExit,
      Path recording,
      Path stats,
      Path answerStats) {}

  private ToneCall toneCall(List<String> callerExtra, List<String> answerExtra) throws Exception {
    Path tones = writeTones(dir.resolve("tones.wav"));
    Path recording = dir.resolve("heard.wav");
    Path stats = dir.resolve("stats.json");
    Path answerStats = dir.resolve("answer-stats.json");
    CountDownLatch registered = new CountDownLatch(1);
    Writer answerOut = new LatchWriter("Registered", registered);
    List<String> answerArgs =
        new ArrayList<>(
            List.of(
                "answer",
                "--account",
                "sip:bob@" + DOMAIN + ":" + port,
                "--password",
                "builder99",
                "--record",
                recording.toString(),
                "--stats",
                answerStats.toString(),
                "--calls",
                "1",
                "--duration",
                // A refused call never counts: the command then ends after its duration.
                callerExtra.equals(answerExtra) ? "60" : "4"));
    answerArgs.addAll(answerExtra);
    CompletableFuture<Integer> answer =
        CompletableFuture.supplyAsync(() -> run(answerOut, answerArgs.toArray(String[]::new)));
    assertThat(registered.await(20, TimeUnit.SECONDS)).as("answer registered").isTrue();

    List<String> callArgs =
        new ArrayList<>(
            List.of(
                "call",
                "bob",
                "--account",
                "sip:alice@" + DOMAIN + ":" + port,
                "--password",
                "wonderland1",
                "--play",
                tones.toString(),
                "--duration",
                "3",
                "--codec",
                "pcmu",
                "--stats",
                stats.toString()));
    callArgs.addAll(callerExtra);
    StringWriter callErr = new StringWriter();
    int called =
        ParleyCommandLine.create(
                () -> 0, new PrintWriter(new StringWriter(), true), new PrintWriter(callErr, true))
            .execute(callArgs.toArray(String[]::new));
    return new ToneCall(
        called,
        callErr.toString(),
        answer.get(20, TimeUnit.SECONDS),
        recording,
        stats,
        answerStats);
  }

  @Test
  void aWrongPasswordFailsWithOneLineNamingThePassword() {
    StringWriter err = new StringWriter();
    int exitCode =
        ParleyCommandLine.create(
                () -> 0, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
            .execute(
                "call",
                "bob",
                "--account",
                "sip:alice@" + DOMAIN + ":" + port,
                "--password",
                "wrong",
                "--duration",
                "1");

    assertThat(exitCode).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString().lines())
        .singleElement()
        .asString()
        .startsWith("parley call: ")
        .contains("--password");
  }

  @Test
  void anUnreachableServerExitsUnavailable() {
    StringWriter err = new StringWriter();
    int exitCode =
        ParleyCommandLine.create(
                () -> 0, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
            .execute(
                "call",
                "bob",
                "--account",
                "sip:alice@" + DOMAIN + ":" + FreePorts.udpAndTcp(),
                "--password",
                "x",
                "--transport",
                "tcp");

    assertThat(exitCode).isEqualTo(ExitCodes.UNAVAILABLE);
    assertThat(err.toString().lines()).singleElement().asString().startsWith("parley call: ");
  }

  private static int run(Writer out, String... args) {
    return ParleyCommandLine.create(
            () -> 0, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))
        .execute(args);
  }

  private static Path writeTones(Path file) throws Exception {
    int segment = RATE_HZ * SEGMENT_MILLIS / 1000;
    short[] pcm = new short[segment * TONES_HZ.length];
    double phase = 0;
    for (int i = 0; i < pcm.length; i++) {
      pcm[i] = (short) Math.round(12_000 * Math.sin(phase));
      phase += 2 * Math.PI * TONES_HZ[i / segment] / RATE_HZ;
    }
    try (WavFileSink sink = WavFileSink.create(file, RATE_HZ, 1)) {
      sink.write(pcm, pcm.length);
    }
    return file;
  }

  /** The distinct tones heard, in order, however a loaded machine stretched or shifted them. */
  private static List<Double> heardTones(Path wav) throws Exception {
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount()];
      source.read(pcm);
      return ToneSequence.toneRunsIn(pcm, source.sampleRateHz());
    }
  }

  /** Opens a latch once a given text has been written. */
  private static final class LatchWriter extends Writer {
    private final StringBuilder text = new StringBuilder();
    private final String awaited;
    private final CountDownLatch latch;

    LatchWriter(String awaited, CountDownLatch latch) {
      this.awaited = awaited;
      this.latch = latch;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
      if (text.indexOf(awaited) >= 0) {
        latch.countDown();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}

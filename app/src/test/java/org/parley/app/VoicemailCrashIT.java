package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.TestAccounts;
import org.parley.core.testing.ToneSequence;
import org.parley.media.wav.WavFileSource;
import org.parley.server.sip.FreePorts;

/**
 * {@code kill -9} of the server in the middle of a voicemail deposit: after the restart no entry is
 * corrupt, the message completed before the crash is listed and plays, and the interrupted one has
 * left nothing behind.
 */
class VoicemailCrashIT {

  // The 1.2 s greeting plays first; the tones follow it into the recording.
  private static final double[] MESSAGE = {
    0, 0, 0, 0, 500, 900, 1300, 500, 900, 1300, 500, 900, 1300
  };
  private static final int WAV_BYTES_PER_SECOND = 8000 * 2;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");

  @TempDir Path data;
  private ServerProcesses servers;
  private int sipPort;
  private int httpPort;

  @BeforeEach
  void provision() throws Exception {
    servers = new ServerProcesses(data);
    servers.addUser("alice", "wonderland1");
    servers.addUser("bob", "builder12");
    sipPort = FreePorts.udpAndTcp();
    httpPort = FreePorts.udpAndTcp();
  }

  @AfterEach
  void stop() {
    servers.close();
  }

  @Test
  void aDepositCutByKillMinusNineLeavesNoCorruptEntryAndKeepsTheCompletedOne() throws Exception {
    Process first = servers.startServer(sipPort, httpPort);
    try (Softphone phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"))) {
      Account alice =
          phone.addAccount(
              AccountConfig.of("sip:alice@" + ServerProcesses.DOMAIN, "wonderland1"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + sipPort));
      CallEvents events = new CallEvents();
      alice.addCallListener(events);
      TestAccounts.register(alice);

      // Bob has no phone registered: the mailbox answers at once.
      Call completed = leaveMessage(alice, events);
      awaitRecordedSeconds(1.5);
      completed.hangUp();
      awaitListed(1);

      leaveMessage(alice, events);
      awaitRecordedSeconds(0.4);
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // mid-deposit
    }

    servers.startServer(sipPort, httpPort);
    String list = get("/api/v1/voicemail").body();
    Matcher ids = ID.matcher(list);
    assertThat(ids.find()).as(list).isTrue();
    String id = ids.group(1);
    assertThat(ids.find()).as("only the completed message: " + list).isFalse();
    assertThat(list).contains("sip:alice@" + ServerProcesses.DOMAIN);

    HttpResponse<byte[]> audio =
        HttpClient.newHttpClient()
            .send(
                request("/api/v1/voicemail/" + id + "/audio"),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(audio.statusCode()).isEqualTo(200);
    Path wav = data.resolve("fetched.wav");
    Files.write(wav, audio.body());
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount()];
      source.read(pcm);
      assertThat(ToneSequence.toneRunsIn(pcm, source.sampleRateHz())).startsWith(500.0, 900.0);
    }
    try (Stream<Path> left = Files.list(data.resolve("voicemail"))) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("the interrupted recording was cleaned up at start")
          .noneMatch(name -> name.endsWith(".part"))
          .filteredOn(name -> name.endsWith(".wav"))
          .hasSize(1);
    }
  }

  private static Call leaveMessage(Account alice, CallEvents events) throws Exception {
    Call call =
        alice.call(
            "bob",
            CallMedia.of(new ToneSequence(MESSAGE), new RecordingSink(ToneSequence.RATE_HZ)));
    events.next(CallEstablished.class);
    return call;
  }

  /** Waits until the deposit being recorded holds {@code seconds} of audio on disk. */
  private void awaitRecordedSeconds(double seconds) throws Exception {
    long wanted = 44 + Math.round(seconds * WAV_BYTES_PER_SECOND);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.list(data.resolve("voicemail"))) {
        List<Path> parts = files.filter(p -> p.toString().endsWith(".part")).toList();
        for (Path part : parts) {
          if (sizeOf(part) >= wanted) {
            return;
          }
        }
      }
      LockSupport.parkNanos(POLL_NANOS); // polling a file: nothing can signal its growth
    }
    throw new AssertionError("No deposit reached " + seconds + " s on disk");
  }

  private void awaitListed(int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String body = "";
    while (System.nanoTime() < deadline) {
      body = get("/api/v1/voicemail").body();
      if (ID.matcher(body).results().count() == count) {
        return;
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new AssertionError("Expected " + count + " messages, the API lists: " + body);
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException gone) {
      return 0; // renamed into place between the listing and now
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    String basic =
        Base64.getEncoder().encodeToString("bob:builder12".getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .header("Authorization", "Basic " + basic)
        .build();
  }
}

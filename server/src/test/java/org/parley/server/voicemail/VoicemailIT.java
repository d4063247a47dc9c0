package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.sqlite.ServerDatabase;

/**
 * Voicemail end to end, as a phone and a visual-voicemail client see it: the assembled server, real
 * UDP and HTTP on loopback, SQLite and audio files in a temporary data folder.
 */
class VoicemailIT {

  static final String DOMAIN = "office.example";
  static final String BOB = "sip:bob@" + DOMAIN;
  static final double[] TONES = {500, 900, 1300, 1700, 2100};
  static final long FAST_PACKETS_NANOS = 5_000_000;
  private static final Pattern AUDIO_PORT = Pattern.compile("m=audio (\\d+) ");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private ParleyServer server;
  private int sipPort;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    sipPort = FreePorts.udpAndTcp();
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain(DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(0)
                .httpPort(FreePorts.udpAndTcp())
                .httpsPort(0)
                .voicemailNoAnswerSeconds(1)
                .voicemailSilenceSeconds(10)
                .voicemailMaxSeconds(30));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), DOMAIN);
      users.add("bob", "bob-the-builder".toCharArray());
      users.add("carol", "carol-sings".toCharArray());
    }
    server = ParleyServer.start(config, "test");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void offlineCallLeavesTheTonesAndTheSummaryFollowsHeardAndDelete() throws Exception {
    try (RawSipClient watcher = RawSipClient.udp(sipPort);
        RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      subscribeToOwnMailbox(watcher);
      assertThat(nextSummary(watcher)).isEqualTo("0/0");

      SipMessage ok = call(caller, media, "vm-1");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact")).contains("sip:voicemail@");
      leaveMessage(caller, media, ok, TONES, 1000);
      assertThat(nextSummary(watcher)).isEqualTo("1/0");

      JsonNode messages = list("bob", "bob-the-builder").get("messages");
      assertThat(messages).hasSize(1);
      JsonNode message = messages.get(0);
      assertThat(message.get("from").asText()).contains("sip:dora@elsewhere.example");
      assertThat(message.get("durationSeconds").asDouble()).isCloseTo(5.0, within(0.1));
      assertThat(message.get("heard").asBoolean()).isFalse();
      assertThat(message.get("receivedAt").asText()).endsWith("Z");
      long id = message.get("id").asLong();

      HttpResponse<byte[]> wav =
          get("/api/v1/voicemail/" + id + "/audio", "bob", "bob-the-builder", null);
      assertThat(wav.statusCode()).isEqualTo(200);
      assertThat(wav.headers().firstValue("Content-Type")).hasValue("audio/wav");
      assertTonesInOrder(wav.body());
      HttpResponse<byte[]> ogg =
          get("/api/v1/voicemail/" + id + "/audio?format=ogg", "bob", "bob-the-builder", null);
      assertThat(ogg.statusCode()).isEqualTo(200);
      assertThat(ogg.headers().firstValue("Content-Type")).hasValue("audio/ogg");
      assertThat(new String(ogg.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("OggS");
      assertThat(new String(ogg.body(), StandardCharsets.ISO_8859_1)).contains("OpusHead");

      HttpResponse<byte[]> part =
          get("/api/v1/voicemail/" + id + "/audio", "bob", "bob-the-builder", "bytes=4-99");
      assertThat(part.statusCode()).isEqualTo(206);
      assertThat(part.headers().firstValue("Content-Range"))
          .hasValue("bytes 4-99/" + wav.body().length);
      assertThat(part.body()).containsExactly(java.util.Arrays.copyOfRange(wav.body(), 4, 100));

      assertThat(send("POST", "/api/v1/voicemail/" + id + "/heard", "bob", "bob-the-builder"))
          .isEqualTo(204);
      assertThat(nextSummary(watcher)).isEqualTo("0/1");
      assertThat(list("bob", "bob-the-builder").get("messages").get(0).get("heard").asBoolean())
          .isTrue();

      assertThat(send("DELETE", "/api/v1/voicemail/" + id, "bob", "bob-the-builder"))
          .isEqualTo(204);
      assertThat(nextSummary(watcher)).isEqualTo("0/0");
      assertThat(list("bob", "bob-the-builder").get("messages")).isEmpty();
      try (var files = Files.list(data.resolve("voicemail"))) {
        assertThat(files.filter(f -> f.toString().endsWith(".wav"))).isEmpty();
      }
    }
  }

  @Test
  void anotherUserSeesNothingAndBadCredentialsGetOneAnswer() throws Exception {
    try (RawSipClient watcher = RawSipClient.udp(sipPort);
        RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      subscribeToOwnMailbox(watcher);
      nextSummary(watcher);
      leaveMessage(caller, media, call(caller, media, "vm-2"), new double[] {700}, 1000);
      assertThat(nextSummary(watcher)).isEqualTo("1/0");
      long id = list("bob", "bob-the-builder").get("messages").get(0).get("id").asLong();

      assertThat(list("carol", "carol-sings").get("messages")).isEmpty();
      assertThat(
              get("/api/v1/voicemail/" + id + "/audio", "carol", "carol-sings", null).statusCode())
          .isEqualTo(404);
      assertThat(send("DELETE", "/api/v1/voicemail/" + id, "carol", "carol-sings")).isEqualTo(404);
      assertThat(send("POST", "/api/v1/voicemail/" + id + "/heard", "carol", "carol-sings"))
          .isEqualTo(404);

      HttpResponse<byte[]> wrongPassword = get("/api/v1/voicemail", "bob", "wrong", null);
      HttpResponse<byte[]> unknownUser =
          get("/api/v1/voicemail", "mallory", "bob-the-builder", null);
      assertThat(wrongPassword.statusCode()).isEqualTo(401);
      assertThat(unknownUser.statusCode()).isEqualTo(401);
      assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
      assertThat(unknownUser.headers().firstValue("WWW-Authenticate"))
          .isEqualTo(wrongPassword.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"" + DOMAIN));
      assertThat(list("bob", "bob-the-builder").get("messages")).hasSize(1);
    }
  }

  @Test
  void unansweredCallGoesToVoicemailAfterTheNoAnswerTime() throws Exception {
    try (RawSipClient phone = RawSipClient.udp(sipPort);
        RawSipClient watcher = RawSipClient.udp(sipPort);
        RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      VoicemailFlows.register(phone, "bob", "bob-the-builder");
      subscribeToOwnMailbox(watcher);
      nextSummary(watcher);
      caller.send(VoicemailFlows.invite(caller, BOB, "vm-3"), media.offer());

      SipMessage ringing = phone.receive(m -> "INVITE".equals(m.method()) && !m.isResponse());
      phone.reply(ringing, 180, "Ringing", "", "");
      long ringingNanos = System.nanoTime();
      SipMessage cancel = phone.receive(m -> "CANCEL".equals(m.method()) && !m.isResponse());
      double rangSeconds = (System.nanoTime() - ringingNanos) / 1e9;
      phone.reply(cancel, 200, "OK", "", "");
      phone.reply(ringing, 487, "Request Terminated", "", "");
      assertThat(rangSeconds).isBetween(0.5, 3.0);

      SipMessage ok = caller.receive(m -> m.isResponse() && m.status() >= 200);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact")).contains("sip:voicemail@");
      leaveMessage(caller, media, ok, new double[] {1100}, 1000);
      assertThat(nextSummary(watcher)).isEqualTo("1/0");
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {486, 600, 603})
  void busyOrDecliningCalleeSendsTheCallToVoicemail(int status) throws Exception {
    try (RawSipClient phone = RawSipClient.udp(sipPort);
        RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      VoicemailFlows.register(phone, "bob", "bob-the-builder");
      caller.send(VoicemailFlows.invite(caller, BOB, "vm-4-" + status), media.offer());
      SipMessage invite = phone.receive(m -> "INVITE".equals(m.method()) && !m.isResponse());
      phone.reply(invite, status, "Not now", "", "");

      SipMessage ok = caller.receive(m -> m.isResponse() && m.status() >= 200);
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact")).contains("sip:voicemail@");
      VoicemailFlows.ack(caller, ok);
      VoicemailFlows.bye(caller, ok);
    }
  }

  @Test
  void onlyTheOwnerMaySubscribeToAMailbox() throws Exception {
    try (RawSipClient carol = RawSipClient.udp(sipPort)) {
      SipMessage answer =
          VoicemailFlows.authenticated(
              carol, "carol", "carol-sings", VoicemailFlows.subscribe(carol, "carol", BOB));
      assertThat(answer.status()).isEqualTo(403);
    }
  }

  @Test
  void theOwnerListensByPhoneAndDigitsRepeatAndDelete() throws Exception {
    try (RawSipClient watcher = RawSipClient.udp(sipPort);
        RawSipClient caller = RawSipClient.udp(sipPort);
        RawSipClient phone = RawSipClient.udp(sipPort);
        RtpCaller first = new RtpCaller();
        RtpCaller second = new RtpCaller();
        RtpCaller listener = new RtpCaller()) {
      subscribeToOwnMailbox(watcher);
      nextSummary(watcher);
      leaveMessage(caller, first, call(caller, first, "vm-5"), new double[] {500}, 1000);
      assertThat(nextSummary(watcher)).isEqualTo("1/0");
      leaveMessage(caller, second, call(caller, second, "vm-6"), new double[] {1500}, 1000);
      assertThat(nextSummary(watcher)).isEqualTo("2/0");

      SipMessage ok =
          VoicemailFlows.authenticated(
              phone,
              "bob",
              "bob-the-builder",
              VoicemailFlows.ownInvite(phone, "bob", "sip:*97@" + DOMAIN),
              listener.offer());
      assertThat(ok.status()).isEqualTo(200);
      VoicemailFlows.ack(phone, ok);
      Matcher port = AUDIO_PORT.matcher(ok.body());
      assertThat(port.find()).isTrue();
      int agentPort = Integer.parseInt(port.group(1));
      double[] heard = {1000, 500, 1500, 400};

      assertThat(listener.nextClip(heard)).as("prompt").isEqualTo(1000);
      assertThat(listener.nextClip(heard)).as("oldest message").isEqualTo(500);
      listener.sendDigit(MailboxPlayer.DELETE, agentPort, 1);
      assertThat(listener.nextClip(heard)).as("after delete").isEqualTo(1500);
      assertThat(nextSummary(watcher)).isEqualTo("1/0");
      listener.sendDigit(MailboxPlayer.REPEAT, agentPort, 2);
      assertThat(listener.nextClip(heard)).as("repeated").isEqualTo(1500);
      assertThat(listener.nextClip(heard)).as("no more messages").isEqualTo(400);
      assertThat(nextSummary(watcher)).isEqualTo("0/1");
      VoicemailFlows.bye(phone, ok);

      JsonNode messages = list("bob", "bob-the-builder").get("messages");
      assertThat(messages).hasSize(1);
      assertThat(messages.get(0).get("heard").asBoolean()).isTrue();
    }
  }

  @Test
  void aCallerFromElsewhereCannotListenToAMailbox() throws Exception {
    try (RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      caller.send(VoicemailFlows.invite(caller, "sip:*97@" + DOMAIN, "vm-7"), media.offer());
      assertThat(caller.receive(m -> m.isResponse() && m.status() >= 200).status()).isEqualTo(403);
    }
  }

  @Test
  void anUploadedGreetingIsCheckedThenPlayedToCallers() throws Exception {
    Path wav = data.resolve("greeting.wav");
    short[] greeting = new short[RtpCaller.RATE_HZ * 2 / 5];
    for (int i = 0; i < greeting.length; i++) {
      greeting[i] = (short) (8000 * Math.sin(2 * Math.PI * 300 * i / RtpCaller.RATE_HZ));
    }
    try (WavFileSink sink = WavFileSink.create(wav, RtpCaller.RATE_HZ, 1)) {
      sink.write(greeting, greeting.length);
    }
    assertThat(put("/api/v1/greeting", "bob", "bob-the-builder", "not a wav".getBytes()))
        .isEqualTo(400);
    assertThat(put("/api/v1/greeting", "bob", "wrong-password", Files.readAllBytes(wav)))
        .isEqualTo(401);
    assertThat(put("/api/v1/greeting", "bob", "bob-the-builder", Files.readAllBytes(wav)))
        .isEqualTo(204);

    try (RawSipClient caller = RawSipClient.udp(sipPort);
        RtpCaller media = new RtpCaller()) {
      SipMessage ok = call(caller, media, "vm-8");
      assertThat(ok.status()).isEqualTo(200);
      VoicemailFlows.ack(caller, ok);
      assertThat(media.nextClip(new double[] {300, 660, 1000})).isEqualTo(300);
      VoicemailFlows.bye(caller, ok);
    }
  }

  private int put(String path, String user, String password, byte[] body) throws Exception {
    return http.send(
            request(path, user, password).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private SipMessage call(RawSipClient caller, RtpCaller media, String callId) throws Exception {
    caller.send(VoicemailFlows.invite(caller, BOB, callId), media.offer());
    return caller.receive(m -> m.isResponse() && m.status() >= 200);
  }

  /** ACK, hear the greeting out, send the tones, hang up. */
  private static void leaveMessage(
      RawSipClient caller, RtpCaller media, SipMessage ok, double[] tones, int millisEach)
      throws Exception {
    VoicemailFlows.ack(caller, ok);
    Matcher port = AUDIO_PORT.matcher(ok.body());
    assertThat(port.find()).isTrue();
    assertThat(media.awaitPackets(DefaultGreeting.DURATION_MILLIS / 20, 10)).isTrue();
    media.sendTones(tones, millisEach, Integer.parseInt(port.group(1)), FAST_PACKETS_NANOS);
    VoicemailFlows.bye(caller, ok);
  }

  private static void subscribeToOwnMailbox(RawSipClient watcher) throws Exception {
    SipMessage ok =
        VoicemailFlows.authenticated(
            watcher, "bob", "bob-the-builder", VoicemailFlows.subscribe(watcher, "bob", BOB));
    assertThat(ok.status()).isEqualTo(200);
  }

  /** The Voice-Message counts of the next NOTIFY, which is acknowledged. */
  private static String nextSummary(RawSipClient watcher) throws Exception {
    SipMessage notify = watcher.receive(m -> "NOTIFY".equals(m.method()) && !m.isResponse());
    watcher.reply(notify, 200, "OK", "", "");
    assertThat(notify.header("Event")).isEqualTo("message-summary");
    assertThat(notify.header("Content-Type")).isEqualTo("application/simple-message-summary");
    Matcher counts = Pattern.compile("Voice-Message: (\\d+/\\d+)").matcher(notify.body());
    assertThat(counts.find()).isTrue();
    String waiting = counts.group(1).startsWith("0/") ? "no" : "yes";
    assertThat(notify.body()).contains("Messages-Waiting: " + waiting);
    return counts.group(1);
  }

  private static void assertTonesInOrder(byte[] wav) throws Exception {
    Path file = Files.createTempFile("voicemail", ".wav");
    try {
      Files.write(file, wav);
      short[] pcm;
      try (WavFileSource source = WavFileSource.open(file)) {
        assertThat(source.sampleRateHz()).isEqualTo(RtpCaller.RATE_HZ);
        pcm = new short[(int) source.frameCount()];
        assertThat(source.read(pcm)).isEqualTo(pcm.length);
      }
      for (int tone = 0; tone < TONES.length; tone++) {
        // The middle 800 ms of each second: the edges may hold a packet of the neighbour.
        int from = tone * RtpCaller.RATE_HZ + RtpCaller.RATE_HZ / 10;
        int to = from + RtpCaller.RATE_HZ * 8 / 10;
        assertThat(Goertzel.strongest(pcm, from, to, TONES, RtpCaller.RATE_HZ))
            .as("tone %d", tone)
            .isEqualTo(TONES[tone]);
      }
    } finally {
      Files.delete(file);
    }
  }

  private JsonNode list(String user, String password) throws Exception {
    HttpResponse<byte[]> response = get("/api/v1/voicemail", user, password, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<byte[]> get(String path, String user, String password, String range)
      throws Exception {
    HttpRequest.Builder request = request(path, user, password).GET();
    if (range != null) {
      request.header("Range", range);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private int send(String method, String path, String user, String password) throws Exception {
    return http.send(
            request(path, user, password)
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private HttpRequest.Builder request(String path, String user, String password) {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow() + path))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + basic);
  }
}

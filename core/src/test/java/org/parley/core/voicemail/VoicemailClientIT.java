package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.TestAccounts;
import org.parley.core.testing.ToneSequence;
import org.parley.core.voicemail.VoicemailException.Reason;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.voicemail.DefaultGreeting;

/**
 * The voicemail client against the assembled bundled server in this JVM: a second softphone leaves
 * a message of tones in bob's mailbox, and bob's account follows it through the message summary and
 * the HTTP API.
 */
class VoicemailClientIT {

  private static final String DOMAIN = "office.example";
  private static final double[] TONES = {500, 900, 1300};

  @TempDir Path data;
  @TempDir Path cache;

  private ParleyServer server;
  private int sipPort;
  private Softphone bobPhone;
  private Softphone carolPhone;
  private Account bob;
  private Account carol;
  private final VoicemailEvents bobEvents = new VoicemailEvents();

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
                .voicemailSilenceSeconds(10)
                .voicemailMaxSeconds(30));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), DOMAIN);
      users.add("bob", "bob-the-builder".toCharArray());
      users.add("carol", "carol-sings".toCharArray());
    }
    server = ParleyServer.start(config, "test");
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    carolPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bob = account(bobPhone, "bob", "bob-the-builder");
    carol = TestAccounts.register(account(carolPhone, "carol", "carol-sings"));
    bob.voicemail().addListener(bobEvents);
  }

  private Account account(Softphone phone, String user, String password) {
    return phone.addAccount(
        AccountConfig.of("sip:" + user + "@" + DOMAIN, password::toCharArray)
            .withOutboundProxy("127.0.0.1:" + sipPort));
  }

  @AfterEach
  void stop() {
    carolPhone.close();
    bobPhone.close();
    server.close();
  }

  private VoicemailClient client(Account account) {
    return account.voicemail().client(apiBase(), cache);
  }

  private URI apiBase() {
    return URI.create("http://127.0.0.1:" + server.httpPort().orElseThrow());
  }

  @Test
  void aMessageIsCountedListedCachedMarkedHeardAndDeleted() throws Exception {
    bob.voicemail().watch();
    assertThat(bobEvents.nextSummary()).isEqualTo("0/0");

    leaveMessage(TONES);
    assertThat(bobEvents.nextSummary()).isEqualTo("1/0");
    assertThat(bob.voicemail().summary().messagesWaiting()).isTrue();

    VoicemailClient client = client(bob);
    List<VoicemailMessage> messages = client.list();
    assertThat(messages).hasSize(1);
    VoicemailMessage message = messages.get(0);
    assertThat(message.callerUri()).isEqualTo("sip:carol@" + DOMAIN);
    assertThat(message.heard()).isFalse();
    assertThat(message.durationSeconds()).isCloseTo(0.9, within(0.4));

    Path audio = client.audio(message.id());
    assertThat(audio).startsWith(cache);
    assertThat(tonesIn(audio, 3)).containsExactly(500.0, 900.0, 1300.0);
    assertThat(client.audio(message.id())).isEqualTo(audio);

    client.markHeard(message.id());
    assertThat(bobEvents.nextSummary()).isEqualTo("0/1");
    assertThat(client.list().get(0).heard()).isTrue();

    client.delete(message.id());
    assertThat(bobEvents.nextSummary()).isEqualTo("0/0");
    assertThat(client.list()).isEmpty();
    assertThat(client.cachedAudio(message.id())).isEmpty();
    assertThat(Files.exists(audio)).isFalse();
  }

  @Test
  void cachedMessagesStillPlayWhenTheServerIsGone() throws Exception {
    bob.voicemail().watch();
    bobEvents.nextSummary();
    leaveMessage(new double[] {700});
    bobEvents.nextSummary();
    VoicemailClient client = client(bob);
    long id = client.list().get(0).id();
    Path audio = client.audio(id);

    server.close();

    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(
            VoicemailException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    assertThat(client.cachedList()).extracting(VoicemailMessage::id).containsExactly(id);
    assertThat(client.audio(id)).isEqualTo(audio);
    assertThat(tonesIn(audio, 1)).containsExactly(700.0);
  }

  @Test
  void aWrongPasswordIsAnAuthenticationErrorAndAnotherUsersMessageIsNotFound() throws Exception {
    Account wrong = account(bobPhone, "bob", "not-bobs-password");
    assertThatThrownBy(() -> client(wrong).list())
        .isInstanceOfSatisfying(
            VoicemailException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNAUTHORIZED);
              assertThat(e.statusCode()).isEqualTo(401);
            });
    assertThatThrownBy(() -> client(carol).markHeard(424242))
        .isInstanceOfSatisfying(
            VoicemailException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @Test
  void aGreetingInTheWrongFormatIsRejectedAndAGoodOneAccepted() throws Exception {
    Path bad = cache.resolve("bad.wav");
    Files.writeString(bad, "not a wav");
    assertThatThrownBy(() -> client(bob).uploadGreeting(bad))
        .isInstanceOfSatisfying(
            VoicemailException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.REJECTED);
              assertThat(e.statusCode()).isEqualTo(400);
            });
    Path good = cache.resolve("greeting.wav");
    short[] tone = new short[ToneSequence.RATE_HZ / 2];
    new ToneSequence(400).read(tone);
    try (WavFileSink sink = WavFileSink.create(good, ToneSequence.RATE_HZ, 1)) {
      sink.write(tone, tone.length);
    }
    client(bob).uploadGreeting(good);
  }

  /** Carol calls bob, who is not registered: the mailbox answers at once. */
  private void leaveMessage(double[] tones) throws Exception {
    CallEvents events = new CallEvents();
    carol.addCallListener(events);
    RecordingSink heard = new RecordingSink(ToneSequence.RATE_HZ);
    GatedSource voice = new GatedSource(new ToneSequence(tones));
    Call call = carol.call("bob", CallMedia.of(voice, heard));
    events.next(CallEstablished.class);
    // Recording starts when the greeting ends: wait for it (plus a margin) to be heard out.
    int greetingMillis = DefaultGreeting.DURATION_MILLIS + 300;
    heard.awaitAfterSound(greetingMillis, 10_000);
    voice.open();
    heard.awaitAfterSound(
        greetingMillis + tones.length * ToneSequence.SEGMENT_MILLIS + 400, 10_000);
    call.hangUp();
    events.next(CallEnded.class);
    carol.removeCallListener(events);
  }

  private static List<Double> tonesIn(Path wav, int expectedCount) throws Exception {
    try (WavFileSource source = WavFileSource.open(wav)) {
      assertThat(source.sampleRateHz()).isEqualTo(ToneSequence.RATE_HZ);
      short[] pcm = new short[(int) source.frameCount()];
      assertThat(source.read(pcm)).isEqualTo(pcm.length);
      return ToneSequence.tonesIn(pcm, ToneSequence.RATE_HZ, expectedCount);
    }
  }
}

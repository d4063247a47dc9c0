package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.sip.tls.TlsTrust;
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
import org.parley.server.voicemail.MailboxFolder;
import org.parley.server.voicemail.Mailboxes;

/**
 * The voicemail client against the assembled server's HTTPS API: the certificate is checked like
 * SIP over TLS (chain against the given anchors, identity against the account's SIP domain).
 */
class VoicemailHttpsClientIT {

  private static final String DOMAIN = "office.example";
  private static final double[] TONES = {600, 1100};

  @TempDir Path data;
  @TempDir Path cache;

  private ParleyServer server;
  private Softphone phone;

  @BeforeEach
  void start() throws Exception {
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain(DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(FreePorts.udpAndTcp())
                .tlsPort(0)
                .httpPort(0)
                .httpsPort(FreePorts.udpAndTcp()));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      new UserAdministration(database.users(), DOMAIN).add("bob", "bob-the-builder".toCharArray());
      Mailboxes mailboxes =
          Mailboxes.open(database.voicemail(), new MailboxFolder(data.resolve("voicemail")));
      Path recording = mailboxes.newRecording();
      short[] pcm = new short[TONES.length * ToneSequence.SEGMENT_MILLIS * 8];
      new ToneSequence(TONES).read(pcm);
      try (WavFileSink sink = WavFileSink.create(recording, ToneSequence.RATE_HZ, 1)) {
        sink.write(pcm, pcm.length);
      }
      mailboxes.deposit("bob", "sip:carol@" + DOMAIN, Instant.now(), recording, 600);
    }
    server = ParleyServer.start(config, "test");
    phone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
  }

  @AfterEach
  void stop() {
    phone.close();
    server.close();
  }

  private VoicemailClient client(String addressOfRecord, TlsTrust trust) {
    Account account =
        phone.addAccount(AccountConfig.of(addressOfRecord, "bob-the-builder"::toCharArray));
    return account.voicemail().client(apiBase(), cache, trust);
  }

  private URI apiBase() {
    return URI.create("https://127.0.0.1:" + server.httpsPort().orElseThrow() + "/");
  }

  private TlsTrust ownCertificate() throws Exception {
    return TlsTrust.system().plus(server.certificate().orElseThrow());
  }

  @Test
  void trustingTheServersOwnCertificateTheWholeMailboxWorksOverHttps() throws Exception {
    VoicemailClient client = client("sip:bob@" + DOMAIN, ownCertificate());

    List<VoicemailMessage> messages = client.list();
    assertThat(messages).hasSize(1);
    long id = messages.get(0).id();
    assertThat(tonesIn(client.audio(id))).containsExactly(600.0, 1100.0);
    client.markHeard(id);
    assertThat(client.list().get(0).heard()).isTrue();
    client.delete(id);
    assertThat(client.list()).isEmpty();
  }

  @Test
  void aTrustStoreWithTheCertificateWorksLikeForSipOverTls() throws Exception {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    anchors.setCertificateEntry("office", server.certificate().orElseThrow());

    VoicemailClient client = client("sip:bob@" + DOMAIN, TlsTrust.trusting(anchors));

    assertThat(client.list()).hasSize(1);
  }

  @Test
  void theRuntimesAuthoritiesAloneDoNotTrustASelfSignedServer() {
    VoicemailClient client = client("sip:bob@" + DOMAIN, TlsTrust.system());

    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(
            VoicemailException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
              assertThat(e.getMessage()).contains("not trusted for " + DOMAIN);
            });
  }

  @Test
  void aCertificateThatDoesNotNameTheAccountsDomainIsRefused() throws Exception {
    VoicemailClient client = client("sip:bob@elsewhere.example", ownCertificate());

    assertThatThrownBy(client::list)
        .isInstanceOfSatisfying(
            VoicemailException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.UNTRUSTED);
              assertThat(e.getMessage()).contains("not valid for elsewhere.example");
            });
    assertThat(Files.exists(cache.resolve("messages.json"))).isFalse();
  }

  private static List<Double> tonesIn(Path wav) throws Exception {
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount()];
      assertThat(source.read(pcm)).isEqualTo(pcm.length);
      return ToneSequence.tonesIn(pcm, ToneSequence.RATE_HZ, TONES.length);
    }
  }
}

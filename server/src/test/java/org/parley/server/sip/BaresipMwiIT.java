package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.wav.WavFileSink;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.voicemail.MailboxFolder;
import org.parley.server.voicemail.Mailboxes;

/**
 * Message-waiting indication (RFC 3842) as baresip 1.0's {@code mwi} module sees it: it subscribes
 * to {@code message-summary} for its own account once registered, and reports each NOTIFY's body as
 * an {@code MWI_NOTIFY} event on its control socket.
 */
class BaresipMwiIT {

  private static final String DOMAIN = "office.example";
  private static final Duration STEP_DEADLINE = Duration.ofSeconds(15);
  private static final String PASSWORD = "bob-the-builder";

  @TempDir Path data;

  private ParleyServer server;
  private BaresipAgent bob;

  @AfterEach
  void stop() throws InterruptedException {
    if (bob != null) {
      bob.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void baresipShowsTheWaitingCountAndItsChangeWhenAMessageIsHeard() throws Exception {
    BaresipAgent.assumeInstalled();
    boolean mwi = Files.isRegularFile(BaresipAgent.MODULE_DIR.resolve("mwi.so"));
    if (System.getenv("CI") != null) {
      assertThat(mwi).as("CI must install baresip's mwi module").isTrue();
    }
    assumeTrue(mwi, "baresip's mwi module is not installed");
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain(DOMAIN)
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(0)
                .httpPort(httpPort)
                .httpsPort(0));
    long firstId = depositTwoMessagesForBob(config);
    server = ParleyServer.start(config, "test");

    Path folder = data.resolve("baresip");
    Files.createDirectories(folder);
    Path source = folder.resolve("source.wav");
    PcmWav.writeTone(source, 440, 8000, 0.3, 1);
    String account =
        "<sip:bob@"
            + DOMAIN
            + ">;auth_pass="
            + PASSWORD
            + ";outbound=\"sip:127.0.0.1:"
            + sipPort
            + "\";regint=600;mwi=yes";
    bob = BaresipAgent.start("bob", folder, account, source, List.of("mwi"));
    bob.awaitRegistered(STEP_DEADLINE);

    // baresip subscribes as soon as it has registered, which can be before our ctrl_tcp
    // connection is up, so its first MWI event may never reach us: its console has every NOTIFY.
    String first = awaitMwiBlock("Voice-Message: 2/0");
    assertThat(first)
        .contains("Messages-Waiting: yes")
        .contains("Message-Account: sip:bob@" + DOMAIN);

    assertThat(markHeard(httpPort, firstId)).isEqualTo(204);
    String second = awaitMwiBlock("Voice-Message: 1/1");
    assertThat(second).contains("Messages-Waiting: yes");
  }

  /** Waits until baresip's console shows an MWI block with {@code line}; returns that block. */
  private String awaitMwiBlock(String line) {
    long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      for (String block : bob.console().split("----- MWI for ")) {
        if (block.contains(line)) {
          return block;
        }
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50)); // a file: nothing signals it
    }
    throw noNotify();
  }

  /** Two new messages in bob's mailbox, as the voicemail agent would leave them; the first id. */
  private static long depositTwoMessagesForBob(ServerConfig config) throws Exception {
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      new UserAdministration(database.users(), DOMAIN).add("bob", PASSWORD.toCharArray());
      Mailboxes mailboxes =
          Mailboxes.open(
              database.voicemail(), new MailboxFolder(config.dataDir().resolve("voicemail")));
      long firstId = 0;
      for (int i = 0; i < 2; i++) {
        Path recording = mailboxes.newRecording();
        try (WavFileSink sink = WavFileSink.create(recording, 8000, 1)) {
          sink.write(new short[8000], 8000);
        }
        long id =
            mailboxes
                .deposit("bob", "<sip:dora@elsewhere.example>", Instant.now(), recording, 1000)
                .id();
        firstId = i == 0 ? id : firstId;
      }
      return firstId;
    }
  }

  private static int markHeard(int httpPort, long id) throws Exception {
    String basic =
        Base64.getEncoder().encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/api/v1/voicemail/" + id + "/heard"))
            .header("Authorization", "Basic " + basic)
            .POST(HttpRequest.BodyPublishers.noBody())
            .timeout(STEP_DEADLINE)
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private AssertionError noNotify() {
    return new AssertionError("baresip reported no (further) MWI NOTIFY; " + bob.describe());
  }
}

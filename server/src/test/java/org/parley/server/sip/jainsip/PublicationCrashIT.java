package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.sip.jainsip.PresenceRequests.AWAY;
import static org.parley.server.sip.jainsip.PresenceRequests.BOB;
import static org.parley.server.sip.jainsip.PresenceRequests.authenticated;
import static org.parley.server.sip.jainsip.PresenceRequests.publish;
import static org.parley.server.sip.jainsip.PresenceRequests.subscribe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.StoredPublication;
import org.parley.server.store.sqlite.ServerDatabase;

/**
 * {@code kill -9} of the server right after a PUBLISH was answered: the restarted server still
 * shows the published status and knows its entity-tag.
 */
class PublicationCrashIT {

  @TempDir Path folder;

  private ServerChildProcess server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aWatcherWhoSubscribesAfterTheCrashSeesTheStatusAndTheOldEntityTagStillRefreshes()
      throws Exception {
    Path data = folder.resolve("data");
    int port = FreePorts.udpAndTcp();
    try (ServerDatabase database =
        ServerDatabase.open(ParleyServer.databaseFile(ServerChildProcess.config(data, port)))) {
      UserAdministration users = new UserAdministration(database.users(), "office.example");
      users.add("alice", "wonderland".toCharArray());
      users.add("bob", "builder-bob".toCharArray());
    }
    server = ServerChildProcess.start(data, port);
    String entityTag;
    try (RawSipClient bob = RawSipClient.udp(port)) {
      SipMessage published = authenticated(bob, "bob", "builder-bob", publish(bob, null), AWAY);
      assertThat(published.status()).isEqualTo(200);
      entityTag = published.header("SIP-ETag");
    }

    assertThat(server.kill()).isEqualTo(ServerChildProcess.sigkillExitStatus());

    // Nothing had a chance to flush after the 200: the row was committed before it was sent.
    try (ServerDatabase database =
        ServerDatabase.open(ParleyServer.databaseFile(ServerChildProcess.config(data, port)))) {
      assertThat(database.publications().unexpired(Instant.now()))
          .singleElement()
          .satisfies(
              kept -> {
                assertThat(kept.entityTag()).isEqualTo(entityTag);
                assertThat(kept.presentity()).isEqualTo(BOB);
                assertThat(new String(kept.body(), StandardCharsets.UTF_8)).contains("rpid:away");
              })
          .extracting(StoredPublication::contentType)
          .isEqualTo("application/pidf+xml");
    }

    server = ServerChildProcess.start(data, port);
    try (RawSipClient alice = RawSipClient.udp(port);
        RawSipClient bob = RawSipClient.udp(port)) {
      String callId = UUID.randomUUID().toString();
      assertThat(
              authenticated(alice, "alice", "wonderland", subscribe(alice, callId, "", 600), "")
                  .status())
          .isEqualTo(200);
      SipMessage first = alice.receive(m -> !m.isResponse());
      assertThat(first.header("Subscription-State")).startsWith("active");
      assertThat(first.body()).contains("<basic>open</basic>").contains("<rpid:away/>");
      alice.reply(first, 200, "OK", "", "");

      assertThat(
              authenticated(bob, "bob", "builder-bob", publish(bob, "no-such-etag"), "").status())
          .isEqualTo(412);
      SipMessage refreshed = authenticated(bob, "bob", "builder-bob", publish(bob, entityTag), "");
      assertThat(refreshed.status()).isEqualTo(200);
      assertThat(refreshed.header("SIP-ETag")).isNotBlank().isNotEqualTo(entityTag);
    }
  }
}

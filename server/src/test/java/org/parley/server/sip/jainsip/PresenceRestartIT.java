package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.sip.jainsip.PresenceRequests.AWAY;
import static org.parley.server.sip.jainsip.PresenceRequests.OPEN;
import static org.parley.server.sip.jainsip.PresenceRequests.authenticated;
import static org.parley.server.sip.jainsip.PresenceRequests.inDialogSubscribe;
import static org.parley.server.sip.jainsip.PresenceRequests.publish;
import static org.parley.server.sip.jainsip.PresenceRequests.subscribe;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.StoredPublication;
import org.parley.server.store.sqlite.ServerDatabase;

/**
 * Subscriptions and publications kept in the database carry on through a restart of the assembled
 * server.
 */
class PresenceRestartIT {

  @TempDir Path data;

  private ParleyServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void watcherIsNotifiedOfAChangeMadeAfterTheServerRestarted() throws Exception {
    int port = FreePorts.udpAndTcp();
    ServerConfig config = configWithUsers(port);
    server = ParleyServer.start(config, "test");
    try (RawSipClient alice = RawSipClient.udp(port);
        RawSipClient bob = RawSipClient.udp(port)) {
      String callId = UUID.randomUUID().toString();
      SipMessage ok =
          authenticated(alice, "alice", "wonderland", subscribe(alice, callId, "", 600), "");
      assertThat(ok.status()).isEqualTo(200);
      SipMessage first = alice.receive(m -> !m.isResponse());
      assertThat(first.body()).contains("<basic>closed</basic>");
      alice.reply(first, 200, "OK", "", "");

      server.close();
      server = ParleyServer.start(config, "test");

      assertThat(authenticated(bob, "bob", "builder-bob", publish(bob, null), OPEN).status())
          .isEqualTo(200);
      SipMessage change =
          patiently(alice, m -> !m.isResponse() && !m.header("CSeq").equals(first.header("CSeq")));
      assertThat(change.header("Call-ID")).isEqualTo(callId);
      assertThat(change.header("From")).isEqualTo(ok.header("To"));
      assertThat(change.header("CSeq")).isEqualTo("2 NOTIFY");
      assertThat(change.header("Subscription-State")).startsWith("active;expires=");
      assertThat(change.body()).contains("<basic>open</basic>");
      alice.reply(change, 200, "OK", "", "");

      // The restarted server still knows the dialog: a refresh is accepted, not 481.
      String contact = ok.header("Contact").replaceAll("^<|>.*$", "");
      alice.send(inDialogSubscribe(alice, contact, callId, ok.header("To"), 600));
      assertThat(alice.receive(SipMessage::isResponse).status()).isEqualTo(200);
    }
  }

  @Test
  void aPublicationKeptThroughARestartLapsesOnTheRestartedServersClock() throws Exception {
    int port = FreePorts.udpAndTcp();
    ServerConfig config = configWithUsers(port);
    server = ParleyServer.start(config, "test");
    try (RawSipClient bob = RawSipClient.udp(port)) {
      assertThat(authenticated(bob, "bob", "builder-bob", publish(bob, null), AWAY).status())
          .isEqualTo(200);
    }
    server.close();
    server = null;
    // As if the server had been down for most of the publication's 600 s: 8 s are left.
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      StoredPublication kept = database.publications().unexpired(Instant.now()).get(0);
      database
          .publications()
          .put(
              new StoredPublication(
                  kept.entityTag(),
                  kept.presentity(),
                  kept.contentType(),
                  kept.body(),
                  Instant.now().plusSeconds(8),
                  kept.modifiedAt()),
              kept.entityTag());
    }
    server = ParleyServer.start(config, "test");

    try (RawSipClient alice = RawSipClient.udp(port)) {
      String callId = UUID.randomUUID().toString();
      assertThat(
              authenticated(alice, "alice", "wonderland", subscribe(alice, callId, "", 600), "")
                  .status())
          .isEqualTo(200);
      SipMessage first = alice.receive(m -> !m.isResponse());
      assertThat(first.body()).contains("<rpid:away/>");
      alice.reply(first, 200, "OK", "", "");

      SipMessage lapsed =
          patiently(alice, m -> !m.isResponse() && !m.header("CSeq").equals(first.header("CSeq")));
      assertThat(lapsed.header("Subscription-State")).startsWith("active");
      assertThat(lapsed.body()).contains("<basic>closed</basic>").doesNotContain("away");
      alice.reply(lapsed, 200, "OK", "", "");
    }
  }

  private ServerConfig configWithUsers(int port) throws Exception {
    ServerConfig config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain("office.example")
                .bindAddress("127.0.0.1")
                .sipPort(port)
                .tlsPort(0)
                .httpPort(0));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), "office.example");
      users.add("alice", "wonderland".toCharArray());
      users.add("bob", "builder-bob".toCharArray());
    }
    return config;
  }

  /**
   * The next matching message within 15 s: a freshly started server on a busy machine can take
   * longer than the client's usual 5 s wait.
   */
  private static SipMessage patiently(RawSipClient client, Predicate<SipMessage> wanted)
      throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (true) {
      try {
        return client.receive(wanted);
      } catch (SocketTimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
    }
  }
}

package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.testing.MemoryLocationStore;
import org.parley.server.testing.MemoryMessageStore;

/**
 * RFC 3428 messages for a user with no registered contact: kept on disk and answered 202, then
 * delivered when the user registers, and removed once a contact answered 2xx.
 */
class OfflineMessageIT {

  private MemoryMessageStore messages;
  private TestSipServer server;

  @BeforeEach
  void start() throws Exception {
    messages = new MemoryMessageStore();
    server = new TestSipServer(new MemoryLocationStore(), messages);
    addUsers(server);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static void addUsers(TestSipServer target) {
    target.addUser("alice", "wonderland");
    target.addUser("bob", "builder");
  }

  @Test
  void messageForAnOfflineUserIsAcceptedThenDeliveredOnRegisterAndRemovedAfter200()
      throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port)) {
      SipMessage accepted = sendMessage(alice, "bob", "text/plain;charset=UTF-8", "Lunch at 12?");
      assertThat(accepted.status()).isEqualTo(202);
      assertThat(messages.all()).hasSize(1);

      TestFlows.register(bob, "bob", "builder");
      SipMessage delivered = bob.receive(m -> !m.isResponse());
      assertThat(delivered.method()).isEqualTo("MESSAGE");
      assertThat(delivered.body()).isEqualTo("Lunch at 12?");
      assertThat(delivered.header("From")).contains("sip:alice@office.example");
      assertThat(delivered.header("To")).contains("sip:bob@office.example");
      assertThat(delivered.header("Content-Type")).startsWith("text/plain");
      assertThat(delivered.header("Date")).endsWith("GMT");
      bob.reply(delivered, 200, "OK", "", "");

      assertThat(messages.removed.poll(5, TimeUnit.SECONDS)).isEqualTo(1L);
      assertThat(messages.all()).isEmpty();
    }
  }

  @Test
  void unansweredDeliveryKeepsTheMessageForTheNextRegistrationWithTheSameCallId() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port)) {
      assertThat(sendMessage(alice, "bob", "text/plain", "first try").status()).isEqualTo(202);

      TestFlows.register(bob, "bob", "builder");
      SipMessage first = bob.receive(m -> !m.isResponse());
      bob.reply(first, 486, "Busy Here", "", "");

      TestFlows.register(bob, "bob", "builder");
      SipMessage second =
          bob.receive(m -> !m.isResponse() && !m.header("Via").equals(first.header("Via")));
      assertThat(second.body()).isEqualTo("first try");
      assertThat(second.header("Call-ID")).isEqualTo(first.header("Call-ID"));
      assertThat(messages.all()).hasSize(1);
    }
  }

  @Test
  void retransmittedMessageIsStoredOnce() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port)) {
      String head = authenticatedMessageHead(alice, "bob", "text/plain", "once");
      alice.send(head, "once");
      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(202);
      alice.send(head, "once");
      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(202);
      assertThat(messages.all()).hasSize(1);
    }
  }

  @Test
  void typingIndicationForAnOfflineUserIsNotKept() throws Exception {
    try (RawSipClient alice = RawSipClient.udp(server.port)) {
      SipMessage answer =
          sendMessage(alice, "bob", "application/im-iscomposing+xml", "<isComposing/>");
      assertThat(answer.status()).isEqualTo(480);
      assertThat(messages.all()).isEmpty();
    }
  }

  @Test
  void tooLargeMessageIsRefusedWith413() throws Exception {
    try (RawSipClient alice = RawSipClient.tcp(server.port)) {
      String big = "x".repeat(OfflineMessages.MAX_BODY_BYTES + 1);
      assertThat(sendMessage(alice, "bob", "text/plain", big).status()).isEqualTo(413);
      assertThat(messages.all()).isEmpty();
    }
  }

  @Test
  void storedMessageSurvivesARestartOfTheServer(@TempDir Path data) throws Exception {
    server.close();
    Path file = data.resolve("parley-server.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      server = new TestSipServer(database.locations(), database.messages());
      addUsers(server);
      try (RawSipClient alice = RawSipClient.udp(server.port)) {
        assertThat(sendMessage(alice, "bob", "text/plain", "kept").status()).isEqualTo(202);
      }
      server.close();
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      RemovalsSeen removals = new RemovalsSeen(database.messages());
      server = new TestSipServer(database.locations(), removals);
      addUsers(server);
      try (RawSipClient bob = RawSipClient.udp(server.port)) {
        TestFlows.register(bob, "bob", "builder");
        SipMessage delivered = bob.receive(m -> !m.isResponse());
        assertThat(delivered.body()).isEqualTo("kept");
        bob.reply(delivered, 200, "OK", "", "");
        assertThat(removals.done().poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(
                database
                    .messages()
                    .pendingFor("sip:bob@office.example")
                    .toCompletableFuture()
                    .get(5, TimeUnit.SECONDS))
            .isEmpty();
      }
      server.close();
    }
  }

  private SipMessage sendMessage(RawSipClient from, String to, String type, String body)
      throws Exception {
    from.send(authenticatedMessageHead(from, to, type, body), body);
    return from.receive(m -> m.isResponse() && m.status() >= 200);
  }

  /** The head of alice's MESSAGE with credentials, after a first attempt drew the 407. */
  private static String authenticatedMessageHead(
      RawSipClient from, String to, String type, String body) throws Exception {
    String target = "sip:" + to + "@office.example";
    String callId = UUID.randomUUID().toString();
    from.send(messageHead(from, target, callId, 1, type, ""), body);
    SipMessage challenge = from.receive(m -> m.status() >= 200);
    assertThat(challenge.status()).isEqualTo(407);
    String auth =
        DigestClient.authorization(
            challenge.headers("Proxy-Authenticate").get(1),
            "alice",
            "wonderland",
            "MESSAGE",
            target);
    return messageHead(from, target, callId, 2, type, "Proxy-Authorization: " + auth);
  }

  private static String messageHead(
      RawSipClient from, String target, String callId, int cseq, String type, String extra) {
    return "MESSAGE "
        + target
        + " SIP/2.0\nVia: "
        + from.via()
        + "\nMax-Forwards: 70\nFrom: <sip:alice@office.example>;tag=a1\nTo: <"
        + target
        + ">\nCall-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " MESSAGE\nContent-Type: "
        + type
        + (extra.isEmpty() ? "" : "\n" + extra);
  }
}

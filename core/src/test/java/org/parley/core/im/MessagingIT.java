package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.MessageSent;
import org.parley.core.im.MessageEvent.PeerComposing;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.MessageEvents;
import org.parley.core.testing.TestAccounts;

/** Instant messages between two softphones through Parley's own server, on loopback. */
class MessagingIT {

  private BundledServer server;
  private Softphone alicePhone;
  private Softphone bobPhone;
  private Account alice;
  private final MessageEvents aliceEvents = new MessageEvents();
  private final MessageEvents bobEvents = new MessageEvents();

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("alice", "wonder").user("bob", "builder");
    alicePhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice = account(alicePhone, "alice", "wonder", aliceEvents);
    register(alice);
  }

  private Account account(Softphone phone, String user, String password, MessageEvents events) {
    Account account = TestAccounts.add(phone, server, user, password);
    account.messaging().addListener(events);
    return account;
  }

  private static void register(Account account) throws InterruptedException {
    TestAccounts.register(account);
  }

  @AfterEach
  void stop() {
    alicePhone.close();
    bobPhone.close();
    server.close();
  }

  @Test
  void aMessageToAnOnlineUserArrivesAndTheSenderSeesItDeliveredWith200() throws Exception {
    register(account(bobPhone, "bob", "builder", bobEvents));
    String text = "Grüße, Bob! 日本語 \uD83D\uDE00\nSecond line";

    String id = alice.messaging().send("bob", text);

    MessageSent sent = aliceEvents.next(MessageSent.class);
    assertThat(sent.messageId()).isEqualTo(id);
    assertThat(sent.peerUri()).isEqualTo("sip:bob@office.example");
    MessageReceived received = bobEvents.next(MessageReceived.class);
    assertThat(received.text()).isEqualTo(text);
    assertThat(received.peerUri()).isEqualTo("sip:alice@office.example");
    MessageDelivered delivered = aliceEvents.next(MessageDelivered.class);
    assertThat(delivered.messageId()).isEqualTo(id);
    assertThat(delivered.statusCode()).isEqualTo(200);
    assertThat(delivered.storedForLater()).isFalse();
  }

  @Test
  void aMessageToAnOfflineUserIsStoredWith202AndArrivesOnceWhenTheUserRegisters() throws Exception {
    Instant beforeSending = Instant.now().minusSeconds(1);
    alice.messaging().send("sip:bob@office.example", "Call me when you are back");

    MessageDelivered delivered = aliceEvents.next(MessageDelivered.class);
    assertThat(delivered.statusCode()).isEqualTo(202);
    assertThat(delivered.storedForLater()).isTrue();

    Account bob = account(bobPhone, "bob", "builder", bobEvents);
    register(bob);
    MessageReceived stored = bobEvents.next(MessageReceived.class);
    assertThat(stored.text()).isEqualTo("Call me when you are back");
    assertThat(stored.peerUri()).isEqualTo("sip:alice@office.example");
    // The server's Date says when it was sent (whole seconds), not when it arrived.
    assertThat(stored.sentAt()).isBetween(beforeSending, stored.receivedAt());

    // Once: the next message bob sees is the next one alice sends.
    alice.messaging().send("bob", "Second");
    assertThat(bobEvents.next(MessageReceived.class).text()).isEqualTo("Second");
  }

  @Test
  void typingIndicationsArriveAsComposingAndIdle() throws Exception {
    register(account(bobPhone, "bob", "builder", bobEvents));

    alice.messaging().sendComposing("bob", true);
    PeerComposing active = bobEvents.next(PeerComposing.class);
    assertThat(active.peerUri()).isEqualTo("sip:alice@office.example");
    assertThat(active.composing()).isTrue();
    assertThat(active.lastsFor()).isEqualTo(Duration.ofSeconds(60));

    alice.messaging().sendComposing("bob", false);
    assertThat(bobEvents.next(PeerComposing.class).composing()).isFalse();
  }

  @Test
  void aTypingIndicationToAnOfflineUserIsNotStored() throws Exception {
    alice.messaging().sendComposing("bob", true);
    alice.messaging().send("bob", "stored");
    aliceEvents.next(MessageDelivered.class);

    Account bob = account(bobPhone, "bob", "builder", bobEvents);
    register(bob);

    assertThat(bobEvents.next(MessageEvent.class)).isInstanceOf(MessageReceived.class);
  }

  @Test
  void bidiOverridesAndControlCharactersAreRemovedOnArrival() throws Exception {
    register(account(bobPhone, "bob", "builder", bobEvents));

    alice.messaging().send("bob", "open invoice\u202Efdp.exe\u001B[2J");

    assertThat(bobEvents.next(MessageReceived.class).text()).isEqualTo("open invoicefdp.exe[2J");
  }

  @Test
  void aMessageToAnUnknownUserFailsWith404() throws Exception {
    String id = alice.messaging().send("nobody", "hello?");

    MessageFailed failed = aliceEvents.next(MessageFailed.class);
    assertThat(failed.messageId()).isEqualTo(id);
    assertThat(failed.statusCode()).isEqualTo(404);
  }

  @Test
  void tooLongATextIsRefusedBeforeAnythingIsSent() {
    String text = "é".repeat(Messaging.MAX_TEXT_BYTES / 2 + 1);

    assertThatThrownBy(() -> alice.messaging().send("bob", text))
        .isInstanceOf(MessageTooLargeException.class)
        .hasMessageContaining((Messaging.MAX_TEXT_BYTES + 2) + " bytes")
        .hasMessageContaining("at most " + Messaging.MAX_TEXT_BYTES);
  }
}

package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.presence.PresenceStatus;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.MessageEvents;
import org.parley.core.testing.PresenceEvents;
import org.parley.core.testing.TestAccounts;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.sip.BaresipAgent;

/**
 * Instant messages and presence between the core's user agent and baresip 1.0, both registered on
 * Parley's server: MESSAGE both ways (baresip's {@code contact} module sends, its {@code menu}
 * shows what arrives), and baresip's {@code presence} module watching the status Parley publishes.
 *
 * <p>Without baresip or one of those modules these tests are skipped, except under {@code CI},
 * where they fail.
 */
class BaresipMessagingIT {

  private static final String ALICE = "sip:alice@" + BundledServer.DOMAIN;
  private static final String BOB = "sip:bob@" + BundledServer.DOMAIN;
  private static final List<String> EXTRA_MODULES = List.of("contact", "presence", "cons");
  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);

  @TempDir Path work;

  private BundledServer server;
  private Softphone softphone;
  private Account alice;
  private BaresipAgent bob;
  private final MessageEvents aliceMessages = new MessageEvents();
  private final PresenceEvents alicePresence = new PresenceEvents();

  @BeforeEach
  void start() throws Exception {
    BaresipAgent.assumeInstalled();
    boolean installed = EXTRA_MODULES.stream().allMatch(BaresipModules::installed);
    if (System.getenv("CI") != null) {
      assertThat(installed).as("CI must install baresip's modules %s", EXTRA_MODULES).isTrue();
    }
    assumeTrue(installed, "baresip lacks one of " + EXTRA_MODULES);
    // libre 1.1 (under Debian's baresip 1.0) gives up on a 401 with any challenge but MD5.
    server =
        BundledServer.builder()
            .algorithms(DigestAlgorithm.MD5)
            .start()
            .user("alice", "wonder")
            .user("bob", "builder");
    softphone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice = TestAccounts.add(softphone, server, "alice", "wonder");
    alice.messaging().addListener(aliceMessages);
    alice.presence().addListener(alicePresence);
    TestAccounts.register(alice);
    // Written before baresip starts: contact reads the file when it loads.
    BaresipModules.writeContacts(work.resolve("bob"), "\"Alice\" <" + ALICE + ">;presence=p2p");
    bob = BaresipPeer.start(work, "bob", "builder", BundledServer.DOMAIN, server.port(), 440);
    bob.awaitRegistered(STEP_DEADLINE);
    BaresipModules.load(bob, "contact");
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (softphone != null) {
      softphone.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void baresipsMessageReachesParleyWithItsTextAndSender() throws Exception {
    String text = "Grüße aus baresip ✓";
    bob.command("message", text, STEP_DEADLINE);

    MessageReceived received = aliceMessages.next(MessageReceived.class);
    assertThat(received.text()).isEqualTo(text);
    assertThat(received.peerUri()).isEqualTo(BOB);
  }

  @Test
  void parleysMessageIsShownByBaresip() throws Exception {
    try (BaresipConsole console = BaresipConsole.attach(bob)) {
      String text = "Hello from Parley, ünïcödé included";
      String id = alice.messaging().send(BOB, text);

      MessageDelivered delivered = aliceMessages.next(MessageDelivered.class);
      assertThat(delivered.messageId()).isEqualTo(id);
      assertThat(delivered.storedForLater())
          .as("baresip took it, the server kept no copy")
          .isFalse();
      // menu's message handler: the sender's address, then the text in quotes.
      String expected = ALICE + ": \"" + text + "\"";
      assertThat(console.awaitLine(expected::equals, STEP_DEADLINE))
          .as("baresip's console showed %s; %s", console.seen(), bob.describe())
          .isPresent();
    }
  }

  /**
   * baresip 1.0 knows four states (Unknown, Online, Offline, Busy) and reads RPID "away" as
   * Offline, so each step below changes what it shows: a status it missed would fail the next
   * check.
   */
  @Test
  void baresipSeesTheStatusParleyPublishes() throws Exception {
    BaresipModules.load(bob, "presence");

    alice.presence().setStatus(PresenceStatus.BUSY);
    assertThat(alicePresence.next(StatusPublished.class).status()).isEqualTo(PresenceStatus.BUSY);
    awaitBaresipShowsAlice("Busy");

    alice.presence().setStatus(PresenceStatus.AWAY);
    awaitBaresipShowsAlice("Offline");

    alice.presence().setStatus(PresenceStatus.AVAILABLE);
    awaitBaresipShowsAlice("Online");

    alice.presence().setStatus(PresenceStatus.OFFLINE);
    awaitBaresipShowsAlice("Offline");
  }

  /** Polls baresip's contact list until alice's line carries {@code status}. */
  private void awaitBaresipShowsAlice(String status) throws Exception {
    long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
    String listing = "";
    while (System.nanoTime() < deadline) {
      listing = BaresipModules.contacts(bob);
      if (listing.lines().anyMatch(line -> line.contains(status) && line.contains(ALICE))) {
        return;
      }
      // Waiting on the child doubles as the pause between looks and notices an early exit.
      if (bob.exitedWithin(Duration.ofMillis(100))) {
        break;
      }
    }
    throw new AssertionError(
        "baresip did not show alice as " + status + ": " + listing + "; " + bob.describe());
  }
}

package org.parley.core.interop;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RegistrationEvents;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.sip.BaresipAgent;

/**
 * The core's user agent and baresip 1.0, both registered on Parley's server, calling each other
 * both ways. Each side plays its own tone sequence (baresip from a WAV file through {@code aufile})
 * and records what it hears (baresip through {@code sndfile}); each must hear the other's sequence,
 * tone by tone, in order.
 *
 * <p>Without baresip these tests are skipped, except under {@code CI}, where they fail.
 */
class BaresipInteropIT {

  private static final double[] ALICE_TONES = {500, 900, 1300, 700};
  private static final double[] BOB_TONES = {1200, 400, 1000, 600};

  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);

  @TempDir Path work;

  private BundledServer server;
  private Softphone softphone;
  private Account alice;
  private BaresipAgent bob;
  private final CallEvents aliceEvents = new CallEvents();

  @BeforeEach
  void start() throws Exception {
    BaresipAgent.assumeInstalled();
    // libre 1.1 (under Debian's baresip 1.0) gives up on a 401 with any challenge but MD5.
    server =
        BundledServer.builder()
            .algorithms(DigestAlgorithm.MD5)
            .start()
            .user("alice", "wonder")
            .user("bob", "builder");
    softphone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice =
        softphone.addAccount(
            AccountConfig.of("sip:alice@" + BundledServer.DOMAIN, "wonder"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + server.port()));
    RegistrationEvents registration = new RegistrationEvents();
    alice.addRegistrationListener(registration);
    alice.addCallListener(aliceEvents);
    alice.register();
    registration.next(Registered.class);
    bob = BaresipPeer.start(work, "bob", "builder", BundledServer.DOMAIN, server.port(), BOB_TONES);
    awaitBinding("bob", bob);
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
  void parleyCallsBaresipAndEachHearsTheOthersToneSequence() throws Exception {
    BaresipPeer.callAndHearBothWays(
        alice, aliceEvents, bob, "sip:bob@" + BundledServer.DOMAIN, ALICE_TONES, BOB_TONES);
  }

  @Test
  void baresipCallsParleyAndEachHearsTheOthersToneSequence() throws Exception {
    BaresipPeer.answerAndHearBothWays(
        aliceEvents, bob, "sip:alice@" + BundledServer.DOMAIN, ALICE_TONES, BOB_TONES);
  }

  /** Waits until the server holds a binding for {@code user}: baresip registered. */
  private void awaitBinding(String user, BaresipAgent agent) throws Exception {
    long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
    while (server.contactsOf(user).isEmpty()) {
      // Waiting on the child doubles as the pause between looks and notices an early exit.
      if (System.nanoTime() > deadline || agent.exitedWithin(Duration.ofMillis(50))) {
        throw new AssertionError(user + " did not register; " + agent.describe());
      }
    }
  }
}

package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RegistrationEvents;
import org.parley.server.sip.BaresipAgent;

/**
 * The core's user agent with Kamailio 5.6 as its registrar and proxy instead of Parley's server: it
 * registers with digest (qop=auth), calls a baresip that registered there too (answering Kamailio's
 * 407 on the INVITE) and is called by it; in both calls each side hears the other's tone sequence.
 *
 * <p>Without kamailio or baresip these tests are skipped, except under {@code CI}, where they fail.
 */
class KamailioIT {

  /** An IP-literal domain, so neither baresip nor Kamailio needs DNS. */
  private static final String DOMAIN = "127.0.0.1";

  private static final double[] ALICE_TONES = {700, 1100, 500, 1500};
  private static final double[] BOB_TONES = {900, 1300, 400, 800};
  private static final Duration STEP_DEADLINE = Duration.ofSeconds(10);

  @TempDir Path work;

  private Kamailio kamailio;
  private Softphone softphone;
  private BaresipAgent bob;

  @BeforeEach
  void start(TestInfo test) throws Exception {
    BaresipAgent.assumeInstalled();
    boolean installed = Kamailio.installed();
    if (System.getenv("CI") != null) {
      assertThat(installed).as("CI must install kamailio; see .ci/run").isTrue();
    }
    assumeTrue(installed, "kamailio is not installed; .ci/run installs it");
    kamailio =
        Kamailio.start(
            // Under target/, not the temporary folder, so its log outlives a failed run.
            Path.of("target", "kamailio", test.getTestMethod().orElseThrow().getName()),
            DOMAIN,
            Map.of("alice", "wonder-1", "bob", "builder-2"));
    softphone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (softphone != null) {
      softphone.close();
    }
    if (bob != null) {
      bob.close();
    }
    if (kamailio != null) {
      kamailio.close();
    }
  }

  /** Registers baresip's bob and the core's alice with Kamailio, in that order. */
  private Account registerBoth(CallEvents aliceCalls) throws Exception {
    bob = BaresipPeer.start(work, "bob", "builder-2", DOMAIN, kamailio.port(), BOB_TONES);
    bob.awaitRegistered(STEP_DEADLINE);
    Account alice =
        softphone.addAccount(
            AccountConfig.of("sip:alice@" + DOMAIN, "wonder-1"::toCharArray)
                .withOutboundProxy("127.0.0.1:" + kamailio.port()));
    RegistrationEvents registration = new RegistrationEvents();
    alice.addRegistrationListener(registration);
    alice.addCallListener(aliceCalls);
    alice.register();
    Registered registered = registration.next(Registered.class);
    assertThat(registered.expiresSeconds()).as(kamailio.logTail()).isBetween(3599, 3600);
    return alice;
  }

  @Test
  void parleyRegistersWithKamailioAndCallsBaresipThroughIt() throws Exception {
    CallEvents calls = new CallEvents();
    Account alice = registerBoth(calls);

    BaresipPeer.callAndHearBothWays(alice, calls, bob, "sip:bob@" + DOMAIN, ALICE_TONES, BOB_TONES);
    assertThat(kamailio.requestsLogged("INVITE", "sip:bob@"))
        .as("the INVITE Kamailio challenged with 407, then the one with credentials")
        .isEqualTo(2);
    assertThat(kamailio.requestsLogged("BYE", "sip:bob"))
        .as("the BYE went along Kamailio's Record-Route")
        .isEqualTo(1);
  }

  @Test
  void baresipCallsParleyThroughKamailio() throws Exception {
    CallEvents calls = new CallEvents();
    registerBoth(calls);

    BaresipPeer.answerAndHearBothWays(calls, bob, "sip:alice@" + DOMAIN, ALICE_TONES, BOB_TONES);
    assertThat(kamailio.requestsLogged("BYE", "sip:alice"))
        .as("baresip's BYE reached us along Kamailio's Record-Route")
        .isEqualTo(1);
  }
}

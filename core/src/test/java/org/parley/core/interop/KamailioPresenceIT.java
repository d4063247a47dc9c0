package org.parley.core.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.presence.PresenceStatus;
import org.parley.core.testing.PresenceEvents;
import org.parley.core.testing.TestAccounts;

/**
 * Two of the core's user agents with Kamailio 5.6 as their registrar and presence server ({@code
 * presence} + {@code presence_xml}) instead of Parley's server: alice publishes (RFC 3903, digest
 * on the PUBLISH), bob subscribes to her (RFC 3856) and sees every status she chooses in the PIDF
 * documents Kamailio composes and notifies.
 *
 * <p>Without kamailio or its presence modules these tests are skipped, except under {@code CI},
 * where they fail.
 */
class KamailioPresenceIT {

  /** An IP-literal domain, so Kamailio needs no DNS. */
  private static final String DOMAIN = "127.0.0.1";

  private static final String ALICE = "sip:alice@" + DOMAIN;

  private Kamailio kamailio;
  private Softphone alicePhone;
  private Softphone bobPhone;
  private final PresenceEvents aliceEvents = new PresenceEvents();
  private final PresenceEvents bobEvents = new PresenceEvents();

  @BeforeEach
  void start() throws Exception {
    boolean installed = Kamailio.installed() && Kamailio.presenceInstalled();
    if (System.getenv("CI") != null) {
      assertThat(installed)
          .as("CI must install kamailio and kamailio-presence-modules; see .ci/run")
          .isTrue();
    }
    assumeTrue(installed, "kamailio or its presence modules are not installed; .ci/run does");
    kamailio =
        Kamailio.start(
            // Under target/, not the temporary folder, so its log outlives a failed run.
            Path.of("target", "kamailio", "presence"),
            DOMAIN,
            Map.of("alice", "wonder-1", "bob", "builder-2"),
            true);
    alicePhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (alicePhone != null) {
      alicePhone.close();
    }
    if (bobPhone != null) {
      bobPhone.close();
    }
    if (kamailio != null) {
      kamailio.close();
    }
  }

  private Account register(Softphone phone, String user, String password, PresenceEvents events)
      throws InterruptedException {
    Account account =
        phone.addAccount(
            AccountConfig.of("sip:" + user + "@" + DOMAIN, password::toCharArray)
                .withOutboundProxy("127.0.0.1:" + kamailio.port()));
    account.presence().addListener(events);
    return TestAccounts.register(account);
  }

  @Test
  void bobSeesEachStatusAlicePublishesThroughKamailio() throws Exception {
    Account alice = register(alicePhone, "alice", "wonder-1", aliceEvents);
    Account bob = register(bobPhone, "bob", "builder-2", bobEvents);
    bob.presence().watch(ALICE);

    for (PresenceStatus status :
        new PresenceStatus[] {
          PresenceStatus.BUSY, PresenceStatus.AWAY, PresenceStatus.AVAILABLE, PresenceStatus.OFFLINE
        }) {
      alice.presence().setStatus(status);
      assertThat(aliceEvents.next(StatusPublished.class).status())
          .as("Kamailio took alice's PUBLISH; %s", kamailio.logTail())
          .isEqualTo(status);
      BuddyStatusChanged seen =
          bobEvents.next(BuddyStatusChanged.class, changed -> changed.status() == status);
      assertThat(seen.buddyUri()).isEqualTo(ALICE);
    }
    assertThat(kamailio.requestsLogged("SUBSCRIBE", ALICE))
        .as("bob's SUBSCRIBE, challenged with 407, then with credentials")
        .isEqualTo(2);
  }
}

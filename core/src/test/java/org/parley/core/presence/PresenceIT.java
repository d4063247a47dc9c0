package org.parley.core.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.presence.PresenceEvent.BuddyStatusChanged;
import org.parley.core.presence.PresenceEvent.StatusPublished;
import org.parley.core.presence.PresenceEvent.WatchFailed;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.PresenceEvents;
import org.parley.core.testing.TestAccounts;

/** Presence between two softphones through the presence agent of Parley's own server. */
class PresenceIT {

  private BundledServer server;
  private Softphone alicePhone;
  private Softphone bobPhone;
  private Account alice;
  private Account bob;
  private final PresenceEvents aliceEvents = new PresenceEvents();
  private final PresenceEvents bobEvents = new PresenceEvents();

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("alice", "wonder").user("bob", "builder");
    alicePhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
    alice = register(alicePhone, "alice", "wonder", aliceEvents);
    bob = register(bobPhone, "bob", "builder", bobEvents);
  }

  private Account register(Softphone phone, String user, String password, PresenceEvents events)
      throws InterruptedException {
    Account account = TestAccounts.add(phone, server, user, password);
    account.presence().addListener(events);
    return TestAccounts.register(account);
  }

  @AfterEach
  void stop() {
    alicePhone.close();
    bobPhone.close();
    server.close();
  }

  private PresenceStatus nextStatusOfAlice() throws InterruptedException {
    BuddyStatusChanged changed = bobEvents.next(BuddyStatusChanged.class);
    assertThat(changed.buddyUri()).isEqualTo("sip:alice@office.example");
    return changed.status();
  }

  @Test
  void bobSeesEveryStatusAliceChooses() throws Exception {
    bob.presence().watch("alice");
    // Nobody has published for alice yet: the agent says closed.
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.OFFLINE);

    alice.presence().setStatus(PresenceStatus.AVAILABLE);
    assertThat(aliceEvents.next(StatusPublished.class).status())
        .isEqualTo(PresenceStatus.AVAILABLE);
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.AVAILABLE);

    alice.presence().setStatus(PresenceStatus.AWAY);
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.AWAY);

    alice.presence().setStatus(PresenceStatus.BUSY);
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.BUSY);

    alice.presence().setStatus(PresenceStatus.OFFLINE);
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.OFFLINE);
  }

  @Test
  void aliceIsOnThePhoneWhileHerCallIsEstablished() throws Exception {
    alice.presence().setStatus(PresenceStatus.AVAILABLE);
    aliceEvents.next(StatusPublished.class);
    bob.presence().watch("sip:alice@office.example");
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.AVAILABLE);

    CallEvents bobCalls = new CallEvents();
    CallEvents aliceCalls = new CallEvents();
    bob.addCallListener(bobCalls);
    alice.addCallListener(aliceCalls);
    alice.call("bob");
    bobCalls.next(IncomingCall.class).call().answer(CallMedia.silent());
    aliceCalls.next(CallEstablished.class);

    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.ON_THE_PHONE);

    alice.activeCalls().forEach(call -> call.hangUp());
    aliceCalls.next(CallEnded.class);
    assertThat(nextStatusOfAlice()).isEqualTo(PresenceStatus.AVAILABLE);
  }

  @Test
  void watchingSomeoneWhoDoesNotExistFails() throws Exception {
    bob.presence().watch("nobody");

    WatchFailed failed = bobEvents.next(WatchFailed.class);
    assertThat(failed.buddyUri()).isEqualTo("sip:nobody@office.example");
    assertThat(failed.statusCode()).isEqualTo(404);
  }
}

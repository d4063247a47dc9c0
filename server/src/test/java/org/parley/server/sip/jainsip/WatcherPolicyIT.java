package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.sip.jainsip.PresenceRequests.OPEN;
import static org.parley.server.sip.jainsip.PresenceRequests.authenticated;
import static org.parley.server.sip.jainsip.PresenceRequests.publish;
import static org.parley.server.sip.jainsip.PresenceRequests.subscribe;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.PresenceOptions;
import org.parley.server.presence.WatcherPolicy;
import org.parley.server.presence.WatcherPolicy.Mode;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.WatcherRule;
import org.parley.server.testing.MemoryLocationStore;

/** The presence agent applies the watcher policy to new and existing subscriptions. */
class WatcherPolicyIT {

  /** Bob's rules, by watcher. */
  private final Map<String, WatcherRule> bobsRules = new ConcurrentHashMap<>();

  private TestSipServer server;

  private void start(Mode mode) throws Exception {
    WatcherPolicy policy =
        new WatcherPolicy(
            mode,
            (presentity, watcher) ->
                presentity.equals("bob")
                    ? Optional.ofNullable(bobsRules.get(watcher))
                    : Optional.empty());
    server =
        new TestSipServer(
            new MemoryLocationStore(),
            new PresenceOptions(policy, PresenceOptions.inMemory().subscriptions()));
    server.addUser("alice", "wonderland");
    server.addUser("bob", "builder");
    server.addUser("carol", "singer");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String subscribeAs(RawSipClient client, String user) {
    return subscribe(client, UUID.randomUUID().toString(), "", 600)
        .replace("sip:alice@", "sip:" + user + "@");
  }

  @Test
  void inDomainModeABlockedColleagueIsRefusedAndOthersAreNot() throws Exception {
    start(Mode.DOMAIN);
    bobsRules.put("carol", WatcherRule.BLOCK);
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient carol = RawSipClient.udp(server.port)) {
      assertThat(authenticated(carol, "carol", "singer", subscribeAs(carol, "carol"), "").status())
          .isEqualTo(403);
      assertThat(
              authenticated(alice, "alice", "wonderland", subscribeAs(alice, "alice"), "").status())
          .isEqualTo(200);
    }
  }

  @Test
  void inApprovedModeOnlyAnAllowedWatcherIsAccepted() throws Exception {
    start(Mode.APPROVED);
    bobsRules.put("alice", WatcherRule.ALLOW);
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient carol = RawSipClient.udp(server.port)) {
      assertThat(authenticated(carol, "carol", "singer", subscribeAs(carol, "carol"), "").status())
          .isEqualTo(403);
      assertThat(
              authenticated(alice, "alice", "wonderland", subscribeAs(alice, "alice"), "").status())
          .isEqualTo(200);
    }
  }

  @Test
  void blockingAWatcherEndsItsSubscriptionAsRejectedWithoutTheNewState() throws Exception {
    start(Mode.DOMAIN);
    try (RawSipClient alice = RawSipClient.udp(server.port);
        RawSipClient bob = RawSipClient.udp(server.port)) {
      assertThat(
              authenticated(alice, "alice", "wonderland", subscribeAs(alice, "alice"), "").status())
          .isEqualTo(200);
      SipMessage first = alice.receive(m -> !m.isResponse());
      assertThat(first.header("Subscription-State")).startsWith("active");
      alice.reply(first, 200, "OK", "", "");

      bobsRules.put("alice", WatcherRule.BLOCK);
      assertThat(authenticated(bob, "bob", "builder", publish(bob, null), OPEN).status())
          .isEqualTo(200);

      SipMessage last =
          alice.receive(m -> !m.isResponse() && !m.header("CSeq").equals(first.header("CSeq")));
      assertThat(last.header("Subscription-State")).isEqualTo("terminated;reason=rejected");
      assertThat(last.body()).isEmpty();
      alice.reply(last, 200, "OK", "", "");
    }
  }
}

package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.WatcherPolicy.Mode;
import org.parley.server.store.StoreException;
import org.parley.server.store.WatcherRule;

class WatcherPolicyTest {

  private final Map<String, WatcherRule> bobsRules =
      Map.of("mallory", WatcherRule.BLOCK, "carol", WatcherRule.ALLOW);

  private WatcherPolicy policy(Mode mode) {
    return new WatcherPolicy(
        mode,
        (presentity, watcher) ->
            presentity.equals("bob")
                ? Optional.ofNullable(bobsRules.get(watcher))
                : Optional.empty());
  }

  @Test
  void domainModeLetsColleaguesWatchUnlessThePresentityBlockedThem() throws StoreException {
    WatcherPolicy domain = policy(Mode.DOMAIN);

    assertThat(domain.allows("bob", "alice")).isTrue();
    assertThat(domain.allows("bob", "carol")).isTrue();
    assertThat(domain.allows("bob", "mallory")).isFalse();
    assertThat(domain.allows("alice", "mallory")).isTrue();
  }

  @Test
  void approvedModeLetsOnlyAllowedWatchersAndTheUserThemselves() throws StoreException {
    WatcherPolicy approved = policy(Mode.APPROVED);

    assertThat(approved.allows("bob", "carol")).isTrue();
    assertThat(approved.allows("bob", "alice")).isFalse();
    assertThat(approved.allows("bob", "mallory")).isFalse();
    assertThat(approved.allows("bob", "bob")).isTrue();
  }

  @Test
  void modesAreNamedInLowerCaseInTheConfiguration() {
    assertThat(Mode.named("domain")).contains(Mode.DOMAIN);
    assertThat(Mode.named("approved")).contains(Mode.APPROVED);
    assertThat(Mode.named("APPROVED")).isEmpty();
    assertThat(Mode.named("anyone")).isEmpty();
  }
}

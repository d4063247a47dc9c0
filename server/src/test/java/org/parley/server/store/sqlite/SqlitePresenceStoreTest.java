package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredSubscription;
import org.parley.server.store.WatcherRule;

class SqlitePresenceStoreTest {

  @TempDir Path folder;

  @Test
  void watcherRulesSurviveReopeningAndALaterRuleReplacesAnEarlierOne() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.watcherRules().set("bob", "mallory", WatcherRule.ALLOW);
      database.watcherRules().set("bob", "mallory", WatcherRule.BLOCK);
      database.watcherRules().set("bob", "alice", WatcherRule.ALLOW);
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      assertThat(database.watcherRules().find("bob", "mallory")).contains(WatcherRule.BLOCK);
      assertThat(database.watcherRules().find("alice", "bob")).isEmpty();
      assertThat(database.watcherRules().list("bob"))
          .containsExactly(
              Map.entry("alice", WatcherRule.ALLOW), Map.entry("mallory", WatcherRule.BLOCK));
      assertThat(database.watcherRules().remove("bob", "alice")).isTrue();
      assertThat(database.watcherRules().remove("bob", "alice")).isFalse();
      assertThat(database.watcherRules().list("bob")).containsOnlyKeys("mallory");
    }
  }

  @Test
  void subscriptionsSurviveReopeningWithTheirLatestExpiryAndCseq() throws StoreException {
    Path file = folder.resolve("parley.db");
    StoredSubscription saved =
        new StoredSubscription(
            "call-1|tag-1",
            "sip:bob@office.example",
            "alice",
            "SUBSCRIBE sip:bob@office.example SIP/2.0\r\n\r\n",
            "tag-1",
            "127.0.0.1",
            5062,
            "udp",
            Instant.parse("2026-01-01T10:00:00Z"),
            2);
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.subscriptions().save(saved);
      database.subscriptions().update("call-1|tag-1", Instant.parse("2026-01-01T11:00:00Z"), 7);
      database.subscriptions().update("unknown", Instant.parse("2026-01-01T11:00:00Z"), 7);
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      assertThat(database.subscriptions().all())
          .containsExactly(
              new StoredSubscription(
                  "call-1|tag-1",
                  "sip:bob@office.example",
                  "alice",
                  saved.request(),
                  "tag-1",
                  "127.0.0.1",
                  5062,
                  "udp",
                  Instant.parse("2026-01-01T11:00:00Z"),
                  7));
      database.subscriptions().remove("call-1|tag-1");
      assertThat(database.subscriptions().all()).isEmpty();
    }
  }
}

package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.MessageStore;
import org.parley.server.store.StoredMessage;

class SqliteMessageStoreTest {

  private static final Instant SENT = Instant.parse("2026-11-22T09:00:00.123456789Z");

  @TempDir Path folder;

  private static StoredMessage message(String key, String to, String text) {
    return new StoredMessage(
        0,
        key,
        to,
        "\"Alice\" <sip:alice@office.example>",
        "text/plain;charset=UTF-8",
        text.getBytes(StandardCharsets.UTF_8),
        SENT);
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void storedMessagesSurviveReopeningInOrderAndWithEveryField() throws Exception {
    Path file = folder.resolve("server.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      MessageStore store = database.messages();
      await(store.add(message("k1", "sip:bob@office.example", "first")));
      await(store.add(message("k2", "sip:bob@office.example", "second")));
      await(store.add(message("k3", "sip:carol@office.example", "other")));
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      List<StoredMessage> pending = await(database.messages().pendingFor("sip:bob@office.example"));
      assertThat(pending).extracting(StoredMessage::messageKey).containsExactly("k1", "k2");
      StoredMessage first = pending.get(0);
      assertThat(new String(first.body(), StandardCharsets.UTF_8)).isEqualTo("first");
      assertThat(first.sender()).isEqualTo("\"Alice\" <sip:alice@office.example>");
      assertThat(first.contentType()).isEqualTo("text/plain;charset=UTF-8");
      assertThat(first.receivedAt()).isEqualTo(SENT);
    }
  }

  @Test
  void sameKeyIsStoredOnceAndRemovedMessagesAreGone() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("server.db"))) {
      MessageStore store = database.messages();
      StoredMessage stored = await(store.add(message("same", "sip:bob@office.example", "a")));
      StoredMessage again = await(store.add(message("same", "sip:bob@office.example", "a")));
      assertThat(again.id()).isEqualTo(stored.id());
      assertThat(await(store.pendingFor("sip:bob@office.example"))).hasSize(1);

      await(store.remove(stored.id()));
      assertThat(await(store.pendingFor("sip:bob@office.example"))).isEmpty();
    }
  }
}

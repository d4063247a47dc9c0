package org.parley.server.testing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.parley.server.store.MessageStore;
import org.parley.server.store.StoredMessage;

/** Offline messages in memory, for tests that do not exercise the disk; records removals. */
public final class MemoryMessageStore implements MessageStore {

  private final Map<Long, StoredMessage> messages = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  /** The ids of removed (delivered) messages, in removal order. */
  public final BlockingQueue<Long> removed = new LinkedBlockingQueue<>();

  @Override
  public synchronized CompletionStage<StoredMessage> add(StoredMessage message) {
    for (StoredMessage stored : messages.values()) {
      if (stored.messageKey().equals(message.messageKey())) {
        return CompletableFuture.completedFuture(stored);
      }
    }
    StoredMessage stored = message.withId(ids.incrementAndGet());
    messages.put(stored.id(), stored);
    return CompletableFuture.completedFuture(stored);
  }

  @Override
  public CompletionStage<Set<String>> recipients() {
    return CompletableFuture.completedFuture(
        messages.values().stream().map(StoredMessage::recipientAor).collect(Collectors.toSet()));
  }

  @Override
  public CompletionStage<List<StoredMessage>> pendingFor(String recipientAor) {
    return CompletableFuture.completedFuture(
        messages.values().stream()
            .filter(message -> message.recipientAor().equals(recipientAor))
            .toList());
  }

  @Override
  public CompletionStage<Void> remove(long id) {
    messages.remove(id);
    removed.add(id);
    return CompletableFuture.completedFuture(null);
  }

  /** Every stored message. */
  public List<StoredMessage> all() {
    return List.copyOf(messages.values());
  }
}

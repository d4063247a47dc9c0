package org.parley.server.sip.jainsip;

import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import org.parley.server.store.MessageStore;
import org.parley.server.store.StoredMessage;

/** A real message store, telling the test when a removal is on disk. */
record RemovalsSeen(MessageStore store, BlockingQueue<Long> done) implements MessageStore {

  RemovalsSeen(MessageStore store) {
    this(store, new LinkedBlockingQueue<>());
  }

  @Override
  public CompletionStage<StoredMessage> add(StoredMessage message) {
    return store.add(message);
  }

  @Override
  public CompletionStage<Set<String>> recipients() {
    return store.recipients();
  }

  @Override
  public CompletionStage<List<StoredMessage>> pendingFor(String recipientAor) {
    return store.pendingFor(recipientAor);
  }

  @Override
  public CompletionStage<Void> remove(long id) {
    return store.remove(id).thenRun(() -> done.add(id));
  }
}

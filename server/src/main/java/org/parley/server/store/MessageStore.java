package org.parley.server.store;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Messages waiting for an offline recipient. A message is on disk before {@link #add}'s stage
 * completes, so the 202 Accepted that follows it is a promise kept across a crash. All methods are
 * thread-safe; their stages may complete on the store's writer thread.
 */
public interface MessageStore {

  /**
   * Stores a message. Adding one whose messageKey is already stored changes nothing (a
   * retransmission) and completes normally.
   *
   * @return completes with the stored message (with its id) once it is synced to disk, or
   *     exceptionally with a StoreException
   */
  CompletionStage<StoredMessage> add(StoredMessage message);

  /** Every waiting message's recipient, so a server knows at start whom to deliver to. */
  CompletionStage<Set<String>> recipients();

  /** The messages waiting for {@code recipientAor}, oldest first. */
  CompletionStage<List<StoredMessage>> pendingFor(String recipientAor);

  /** Forgets a delivered message; completes once that is on disk. */
  CompletionStage<Void> remove(long id);
}

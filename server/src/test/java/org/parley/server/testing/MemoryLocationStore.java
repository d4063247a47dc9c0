package org.parley.server.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.server.store.Binding;
import org.parley.server.store.LocationStore;
import org.parley.server.store.StoreException;

/**
 * A location store in memory that records writes and can be told to fail like a full disk, or to be
 * slow like a busy one.
 */
public final class MemoryLocationStore implements LocationStore {

  public final Map<String, List<Binding>> rows = new LinkedHashMap<>();
  public int writes;
  public boolean failWrites;

  /** When set, writes are "on disk" only once this completes, as with a slow fsync. */
  public volatile CompletableFuture<Void> syncedWhen;

  @Override
  public synchronized List<Binding> loadUnexpired(Instant now) {
    List<Binding> all = new ArrayList<>();
    rows.values()
        .forEach(list -> list.stream().filter(b -> b.expiresAt().isAfter(now)).forEach(all::add));
    return all;
  }

  @Override
  public synchronized CompletionStage<Void> replace(String aor, List<Binding> bindings) {
    writes++;
    if (failWrites) {
      return CompletableFuture.failedFuture(new StoreException("disk full (simulated)"));
    }
    if (bindings.isEmpty()) {
      rows.remove(aor);
    } else {
      rows.put(aor, List.copyOf(bindings));
    }
    CompletableFuture<Void> synced = syncedWhen;
    return synced != null ? synced : CompletableFuture.completedFuture(null);
  }

  @Override
  public void close() {}
}

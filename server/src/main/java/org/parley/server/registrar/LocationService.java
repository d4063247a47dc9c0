package org.parley.server.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.parley.server.store.Binding;
import org.parley.server.store.LocationStore;
import org.parley.server.store.StoreException;

/**
 * Where each address-of-record can be reached: bindings in memory for fast lookups, written through
 * to the {@link LocationStore} so they survive a restart or a crash.
 */
public final class LocationService {

  /** Highest q first, then the most recently refreshed (RFC 3261 §16.6 leaves the tie to us). */
  static final Comparator<Binding> PREFERENCE =
      Comparator.comparingInt(Binding::qMillis)
          .reversed()
          .thenComparing(Binding::updatedAt, Comparator.reverseOrder());

  private final LocationStore store;
  private final Clock clock;
  private final ConcurrentMap<String, List<Binding>> bindings = new ConcurrentHashMap<>();

  public LocationService(LocationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Loads the stored, unexpired bindings; call once at start before serving requests. */
  public void restore() throws StoreException {
    for (Binding binding : store.loadUnexpired(clock.instant())) {
      bindings.computeIfAbsent(binding.aor(), aor -> new ArrayList<>()).add(binding);
    }
    bindings.replaceAll((aor, list) -> List.copyOf(list));
  }

  /** The AOR's unexpired bindings, most preferred first; empty when it has none. */
  public List<Binding> lookup(String aor) {
    List<Binding> current = bindings.get(aor);
    if (current == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Binding> live = new ArrayList<>(current.size());
    for (Binding binding : current) {
      if (binding.expiresAt().isAfter(now)) {
        live.add(binding);
      }
    }
    live.sort(PREFERENCE);
    return live;
  }

  /**
   * Changes an AOR's bindings atomically with respect to other updates of the same AOR.
   *
   * @param change gets the unexpired bindings and returns the new list; it may throw {@link
   *     RegistrationConflict} to leave everything unchanged
   * @return the new bindings and when they are durable
   */
  UpdateResult update(String aor, UnaryOperator<List<Binding>> change) {
    UpdateResult[] result = new UpdateResult[1];
    bindings.compute(
        aor,
        (key, current) -> {
          List<Binding> live = current == null ? List.of() : unexpired(current);
          List<Binding> updated = List.copyOf(change.apply(live));
          CompletionStage<Void> persisted =
              updated.equals(current)
                  ? CompletableFuture.completedFuture(null)
                  : store.replace(aor, updated);
          result[0] = new UpdateResult(updated, persisted);
          return updated.isEmpty() ? null : updated;
        });
    return result[0];
  }

  /** Drops expired bindings from memory; the store drops its copies when it next loads. */
  public void sweep() {
    Instant now = clock.instant();
    bindings.replaceAll((aor, list) -> unexpired(list, now));
    bindings.values().removeIf(List::isEmpty);
  }

  public int addressOfRecordCount() {
    return bindings.size();
  }

  private List<Binding> unexpired(List<Binding> list) {
    return unexpired(list, clock.instant());
  }

  private static List<Binding> unexpired(List<Binding> list, Instant now) {
    List<Binding> live = new ArrayList<>(list.size());
    for (Binding binding : list) {
      if (binding.expiresAt().isAfter(now)) {
        live.add(binding);
      }
    }
    return live;
  }

  record UpdateResult(List<Binding> bindings, CompletionStage<Void> persisted) {}
}

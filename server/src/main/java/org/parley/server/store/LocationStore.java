package org.parley.server.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The registrar's durable location service: the bindings of every address-of-record, written with
 * group commit so that a 2xx to REGISTER is sent only once the binding is on disk. All methods are
 * thread-safe.
 */
public interface LocationStore extends AutoCloseable {

  /** Every stored binding whose expiresAt is after {@code now}; expired rows are deleted. */
  List<Binding> loadUnexpired(Instant now) throws StoreException;

  /**
   * Replaces all bindings of {@code aor} with {@code bindings} (empty list = remove the AOR). The
   * returned stage completes only after the change is committed AND synced to disk; it completes
   * exceptionally with StoreException on failure. Calls from many threads are committed together
   * (group commit). Changes for the same AOR are applied in call order.
   *
   * <p>Implementations may bound the number of queued changes; when the queue is full the stage
   * completes exceptionally at once with a StoreException that says so. Dependent actions of the
   * stage's non-async methods may run on the store's writer thread, so keep them short and never
   * block in them; use the {@code *Async} methods for anything slower.
   *
   * @throws IllegalArgumentException when a binding's aor differs from {@code aor}, or a value
   *     cannot be stored (a path value that is empty or holds a line break, an instant beyond the
   *     year 2262)
   */
  CompletionStage<Void> replace(String aor, List<Binding> bindings);

  /** Waits for queued writes, then closes; later replace() calls fail with StoreException. */
  @Override
  void close();
}

package org.parley.core.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Events a listener collected, for a test to wait for the one it expects. */
public class EventQueue<E> {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<E> events = new LinkedBlockingQueue<>();

  /** Called by the listener, on whatever thread delivers events. */
  protected final void collect(E event) {
    events.add(event);
  }

  /** The first event of {@code type} matching {@code wanted} within ten seconds. */
  public <T extends E> T next(Class<T> type, Predicate<T> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      E event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("No matching " + type.getSimpleName() + " within " + WAIT);
      }
      if (type.isInstance(event) && wanted.test(type.cast(event))) {
        return type.cast(event);
      }
    }
  }

  /** The next event of {@code type} within ten seconds, skipping events of other types. */
  public <T extends E> T next(Class<T> type) throws InterruptedException {
    return next(type, event -> true);
  }

  /** The next event of any kind within {@code wait}, or null. */
  public E poll(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}

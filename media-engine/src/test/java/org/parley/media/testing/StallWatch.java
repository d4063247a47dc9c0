package org.parley.media.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices when the machine stops running this JVM's threads for a while (a loaded CI host, CPU
 * steal on a VM, a long GC pause). A thread that asks to wake every few milliseconds records the
 * longest gap between its wake-ups: the media threads were held up at least as long.
 *
 * <p>Measurements of network impairment use it to tell a run that measured the network from one
 * that measured the machine; it never decides whether a feature works.
 */
public final class StallWatch implements AutoCloseable {

  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final AtomicLong longestGapNanos = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private StallWatch() {
    thread = new Thread(this::watch, "stall-watch");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
  }

  /** Starts watching. */
  public static StallWatch start() {
    StallWatch watch = new StallWatch();
    watch.thread.start();
    return watch;
  }

  private void watch() {
    long previous = System.nanoTime();
    while (running) {
      try {
        TimeUnit.NANOSECONDS.sleep(PERIOD_NANOS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      longestGapNanos.accumulateAndGet(now - previous - PERIOD_NANOS, Math::max);
      previous = now;
    }
  }

  /** The longest time the watch overslept so far, in milliseconds. */
  public long longestStallMillis() {
    return TimeUnit.NANOSECONDS.toMillis(longestGapNanos.get());
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }
}

package org.parley.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.core.loop.EventLoop;
import org.parley.core.loop.ThreadEventLoop;
import org.parley.server.testing.MutableClock;

/**
 * An event loop whose timers follow a clock the test moves: tasks run at once on a real loop
 * thread, scheduled tasks only when {@link #advance} passes their deadline.
 */
public final class VirtualTimeLoop implements EventLoop {

  private final ThreadEventLoop thread = new ThreadEventLoop("virtual-time-loop");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private long sequence;

  private static final class Timer implements Comparable<Timer> {
    final Instant due;
    final long order;
    final Runnable task;
    volatile boolean cancelled;

    Timer(Instant due, long order, Runnable task) {
      this.due = due;
      this.order = order;
      this.task = task;
    }

    @Override
    public int compareTo(Timer other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(order, other.order);
    }
  }

  public MutableClock clock() {
    return clock;
  }

  @Override
  public void execute(Runnable task) {
    thread.execute(task);
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Timer timer = new Timer(clock.instant().plus(delay), sequence++, task);
    timers.add(timer);
    return () -> timer.cancelled = true;
  }

  @Override
  public boolean inLoop() {
    return thread.inLoop();
  }

  /** The delay until the earliest live timer, for tests that check what was scheduled. */
  public synchronized Duration nextTimerIn() {
    timers.removeIf(timer -> timer.cancelled);
    Timer next = timers.peek();
    return next == null ? null : Duration.between(clock.instant(), next.due);
  }

  /** Moves time forward, running every timer that falls due on the loop thread, in order. */
  public void advance(Duration duration) throws InterruptedException {
    Instant target = clock.instant().plus(duration);
    while (true) {
      Timer next;
      synchronized (this) {
        next = timers.peek();
        if (next == null || next.due.isAfter(target)) {
          break;
        }
        timers.poll();
      }
      if (!next.cancelled) {
        clock.advance(Duration.between(clock.instant(), next.due));
        thread.execute(next.task);
        drain();
      }
    }
    clock.advance(Duration.between(clock.instant(), target));
  }

  /** Waits until the tasks queued so far have run. */
  public void drain() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    thread.execute(done::countDown);
    if (!done.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The loop is stuck");
    }
  }

  @Override
  public void close() {
    thread.close();
  }
}

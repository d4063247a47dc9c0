package org.parley.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallListener;

/** Collects an account's call events so a test can wait for the next one of a kind. */
public final class CallEvents implements CallListener {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

  @Override
  public void onCallEvent(CallEvent event) {
    events.add(event);
  }

  /** The next event of {@code type} within ten seconds, skipping events of other types. */
  public <T extends CallEvent> T next(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      CallEvent event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("No " + type.getSimpleName() + " within " + WAIT);
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }

  /** The events received so far and not yet taken, taking them. */
  public List<CallEvent> drain() {
    List<CallEvent> taken = new ArrayList<>();
    events.drainTo(taken);
    return taken;
  }
}

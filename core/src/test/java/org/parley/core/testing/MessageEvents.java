package org.parley.core.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageListener;

/** Collects an account's message events so a test can wait for the next one of a kind. */
public final class MessageEvents implements MessageListener {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<MessageEvent> events = new LinkedBlockingQueue<>();

  @Override
  public void onMessageEvent(MessageEvent event) {
    events.add(event);
  }

  /** The next event of {@code type} within ten seconds, skipping events of other types. */
  public <T extends MessageEvent> T next(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      MessageEvent event = events.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
      if (event == null) {
        throw new AssertionError("No " + type.getSimpleName() + " within " + WAIT);
      }
      if (type.isInstance(event)) {
        return type.cast(event);
      }
    }
  }

  /** The next event of any kind within {@code wait}, or null. */
  public MessageEvent poll(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}

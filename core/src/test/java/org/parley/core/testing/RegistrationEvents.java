package org.parley.core.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationListener;

/** Collects registration events so a test can wait for the next one. */
public final class RegistrationEvents implements RegistrationListener {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<RegistrationEvent> events = new LinkedBlockingQueue<>();

  @Override
  public void onRegistrationEvent(RegistrationEvent event) {
    events.add(event);
  }

  /** The next event, which must be of {@code type}, within ten seconds. */
  public <T extends RegistrationEvent> T next(Class<T> type) throws InterruptedException {
    RegistrationEvent event = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("No registration event within " + WAIT + "; wanted " + type);
    }
    if (!type.isInstance(event)) {
      throw new AssertionError("Wanted " + type.getSimpleName() + " but got " + event);
    }
    return type.cast(event);
  }

  /** Whether an event arrives within {@code wait}. */
  public RegistrationEvent poll(Duration wait) throws InterruptedException {
    return events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }
}

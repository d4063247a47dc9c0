package org.parley.app.desktop.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Holds tasks for the UI until the views exist, then hands them on in the order they came, so
 * events from a registration that started before the window are neither lost nor reordered.
 */
public final class HeldExecutor implements Executor {

  private final Executor target;
  private List<Runnable> held = new ArrayList<>(); // null once released

  public HeldExecutor(Executor target) {
    this.target = target;
  }

  @Override
  public synchronized void execute(Runnable task) {
    if (held == null) {
      target.execute(task);
    } else {
      held.add(task);
    }
  }

  /** Passes the held tasks on, then every later one at once. */
  public synchronized void release() {
    if (held == null) {
      return;
    }
    // Under the lock, so a task that arrives meanwhile queues behind the held ones.
    held.forEach(target::execute);
    held = null;
  }
}

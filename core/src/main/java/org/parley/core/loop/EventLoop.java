package org.parley.core.loop;

import java.time.Duration;

/**
 * The core's single thread: every change to registrations, dialogs, calls and presence runs here,
 * so that state needs no locks. SIP callbacks, media events, timers and UI commands become tasks.
 */
public interface EventLoop extends AutoCloseable {

  /** Queues a task; tasks run one at a time in the order they were queued. */
  void execute(Runnable task);

  /** Runs a task once after a delay, unless it is cancelled first. */
  Cancellable schedule(Duration delay, Runnable task);

  /** Whether the calling thread is the loop's own, for assertions in state-owning code. */
  boolean inLoop();

  /** Stops taking tasks, lets queued ones finish within the timeout, then ends the thread. */
  @Override
  void close();

  /** A scheduled task that can still be called off. */
  @FunctionalInterface
  interface Cancellable {
    /** Calls the task off; does nothing if it already ran. */
    void cancel();
  }
}

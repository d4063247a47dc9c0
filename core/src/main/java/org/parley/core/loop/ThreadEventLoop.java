package org.parley.core.loop;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link EventLoop} on one daemon thread. A task that throws is logged and the loop goes on. */
public final class ThreadEventLoop implements EventLoop {

  private static final Logger LOG = LoggerFactory.getLogger(ThreadEventLoop.class);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

  private final ScheduledThreadPoolExecutor executor;
  private volatile Thread loopThread;

  /**
   * Starts a loop thread.
   *
   * @param name thread name, shown in logs and thread dumps
   */
  public ThreadEventLoop(String name) {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              loopThread = thread;
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.prestartCoreThread();
  }

  @Override
  public void execute(Runnable task) {
    submit(Duration.ZERO, task);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> future = submit(delay, task);
    return () -> future.cancel(false);
  }

  private ScheduledFuture<?> submit(Duration delay, Runnable task) {
    try {
      return executor.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      throw new IllegalStateException("The event loop is closed", e);
    }
  }

  @Override
  public boolean inLoop() {
    return Thread.currentThread() == loopThread;
  }

  @Override
  public void close() {
    executor.shutdown();
    if (inLoop()) {
      return; // Waiting for ourselves would deadlock; the queue drains after this task.
    }
    try {
      if (!executor.awaitTermination(DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Event loop tasks still running after {}; interrupting", DRAIN_TIMEOUT);
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  // The loop thread is a thread root: one failing task must not stop every call.
  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        LOG.error("Event loop task failed", e);
      }
    };
  }
}

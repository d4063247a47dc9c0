package org.parley.app.desktop.session;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that runs audio work every 20 ms, so playing a message or recording a greeting
 * keeps real time whether the device blocks (a sound card) or not (a file or a test's tones).
 */
final class FrameClock implements AutoCloseable {

  static final int FRAME_MILLIS = 20;

  private final ScheduledExecutorService ticks;

  FrameClock(String threadName) {
    ticks =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code tick} every frame until the returned future is cancelled. */
  ScheduledFuture<?> everyFrame(Runnable tick) {
    return ticks.scheduleAtFixedRate(tick, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once on the clock's thread, after any tick under way. */
  void later(Runnable task) {
    ticks.execute(task);
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}

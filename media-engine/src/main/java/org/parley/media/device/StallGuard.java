package org.parley.media.device;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one device line's reads and writes on a thread of its own and gives up on any that takes too
 * long. A sound system whose server went away can block inside its native code for good (seen with
 * PulseAudio's ALSA plugin: a read, or even asking how much is available, never returns), and
 * nothing in Java can interrupt that; waiting with a deadline turns it into a lost device the call
 * recovers from, and the stuck thread is left behind, alone with the dead line.
 */
final class StallGuard {

  /** Moves bytes through the line; blocking is fine, that is what the guard is for. */
  interface Io {
    void run() throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(StallGuard.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final String deviceName;
  private final long stallMillis;
  private final long startGraceMillis;
  private final ExecutorService thread;
  private boolean started;
  private volatile boolean abandoned;

  /**
   * @param stallMillis how long a read or write may take once audio has flowed
   * @param startGraceMillis the same for the first one, since some devices start slowly
   */
  StallGuard(String deviceName, long stallMillis, long startGraceMillis) {
    this.deviceName = deviceName;
    this.stallMillis = stallMillis;
    this.startGraceMillis = startGraceMillis;
    this.thread =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread t = new Thread(task, "audio-io-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Runs {@code io} on the line's thread and waits for it, at most the stall limit. */
  void run(Io io, String stalledMessage) throws IOException {
    if (abandoned) {
      throw new IOException(stalledMessage);
    }
    Future<?> done =
        thread.submit(
            () -> {
              io.run();
              return null;
            });
    long limitMillis = started ? stallMillis : startGraceMillis;
    try {
      done.get(limitMillis, TimeUnit.MILLISECONDS);
      started = true;
    } catch (TimeoutException e) {
      abandoned = true;
      LOG.warn(
          "Audio device '{}' stalled for {} ms; leaving the line behind", deviceName, limitMillis);
      throw new IOException(stalledMessage, e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException failure
          ? failure
          : new IOException(stalledMessage, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + deviceName, e);
    }
  }

  /**
   * Closes the line on its own thread; waits for that only if the line never stalled, since the
   * close of a stuck line would block behind the stuck call.
   */
  void close(Runnable closeLine) {
    Future<?> closed = thread.submit(closeLine);
    thread.shutdown();
    if (abandoned) {
      return;
    }
    try {
      closed.get(stallMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warn("Closing audio device '{}' did not finish cleanly", deviceName);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

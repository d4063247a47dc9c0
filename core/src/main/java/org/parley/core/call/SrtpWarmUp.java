package org.parley.core.call;

import java.util.concurrent.atomic.AtomicBoolean;
import org.parley.media.srtp.SrtpTransform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays SRTP's one-off start-up cost (jitsi-srtp benchmarks its AES providers on first use, seconds
 * on a loaded machine) on a background thread once per process, so that the first encrypted call's
 * media thread does not stall and drop audio.
 */
final class SrtpWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(SrtpWarmUp.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private SrtpWarmUp() {}

  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              try {
                SrtpTransform.warmUp();
              } catch (RuntimeException e) {
                // Thread root: the first call pays the cost instead, nothing else is lost.
                LOG.warn("SRTP warm-up failed", e);
              }
            },
            "srtp-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}

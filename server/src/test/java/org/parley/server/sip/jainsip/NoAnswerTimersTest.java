package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NoAnswerTimersTest {

  @Test
  void aCancelledNoAnswerTimerLeavesTheQueueAtOnce() {
    ScheduledThreadPoolExecutor timers = VoicemailHandler.noAnswerTimers();
    try {
      ScheduledFuture<?> answered = timers.schedule(() -> {}, 1, TimeUnit.HOURS);
      ScheduledFuture<?> ringing = timers.schedule(() -> {}, 1, TimeUnit.HOURS);

      answered.cancel(false);

      assertThat(timers.getQueue()).containsExactly((Runnable) ringing);
    } finally {
      timers.shutdownNow();
    }
  }
}

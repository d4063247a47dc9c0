package org.parley.media.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StallGuardTest {

  private final CountDownLatch never = new CountDownLatch(1);
  private final StallGuard guard = new StallGuard("USB Headset", 50, 200);

  @AfterEach
  void releaseStuckThreads() {
    never.countDown();
  }

  @Test
  void aTransferThatFinishesInTimeReturnsNormally() throws IOException {
    AtomicInteger moved = new AtomicInteger();

    guard.run(moved::incrementAndGet, "stalled");
    guard.run(moved::incrementAndGet, "stalled");

    assertThat(moved).hasValue(2);
  }

  @Test
  void aTransferStuckForGoodBecomesAnIoExceptionAndTheLineIsGivenUp() throws IOException {
    guard.run(() -> {}, "stalled");

    assertThatThrownBy(() -> guard.run(this::blockForever, "capture stopped"))
        .isInstanceOf(IOException.class)
        .hasMessage("capture stopped");
    AtomicInteger ranAfter = new AtomicInteger();
    assertThatThrownBy(() -> guard.run(ranAfter::incrementAndGet, "capture stopped"))
        .as("an abandoned line is not tried again")
        .isInstanceOf(IOException.class);
    assertThat(ranAfter).hasValue(0);
  }

  @Test
  void closingAStuckLineDoesNotWaitForIt() throws Exception {
    assertThatThrownBy(() -> guard.run(this::blockForever, "stalled"))
        .isInstanceOf(IOException.class);
    CountDownLatch closeReturned = new CountDownLatch(1);

    Thread closer =
        new Thread(
            () -> {
              guard.close(this::blockForever);
              closeReturned.countDown();
            });
    closer.start();

    assertThat(closeReturned.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void theDevicesOwnErrorsPassThroughUnchanged() {
    IOException unplugged = new IOException("unplugged");

    assertThatThrownBy(
            () ->
                guard.run(
                    () -> {
                      throw unplugged;
                    },
                    "stalled"))
        .isSameAs(unplugged);
  }

  private void blockForever() {
    try {
      never.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

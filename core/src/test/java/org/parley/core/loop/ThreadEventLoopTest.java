package org.parley.core.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadEventLoopTest {

  private final ThreadEventLoop loop = new ThreadEventLoop("test-loop");

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void tasksRunInSubmissionOrderOnOneThread() throws InterruptedException {
    List<Integer> order = new CopyOnWriteArrayList<>();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    CountDownLatch done = new CountDownLatch(1000);
    for (int i = 0; i < 1000; i++) {
      int index = i;
      loop.execute(
          () -> {
            order.add(index);
            threads.add(Thread.currentThread());
            done.countDown();
          });
    }

    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(order).isSorted().hasSize(1000);
    assertThat(threads).hasSize(1).allMatch(thread -> thread.getName().equals("test-loop"));
  }

  @Test
  void inLoopIsTrueOnlyOnTheLoopThread() throws InterruptedException {
    AtomicBoolean insideAnswer = new AtomicBoolean();
    CountDownLatch done = new CountDownLatch(1);
    loop.execute(
        () -> {
          insideAnswer.set(loop.inLoop());
          done.countDown();
        });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(insideAnswer).isTrue();
    assertThat(loop.inLoop()).isFalse();
  }

  @Test
  void aFailingTaskDoesNotStopTheLoop() throws InterruptedException {
    CountDownLatch afterFailure = new CountDownLatch(1);
    loop.execute(
        () -> {
          throw new IllegalStateException("boom (expected by the test)");
        });
    loop.execute(afterFailure::countDown);

    assertThat(afterFailure.await(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void cancelledTimerNeverRuns() throws InterruptedException {
    AtomicBoolean ran = new AtomicBoolean();
    EventLoop.Cancellable timer = loop.schedule(Duration.ofMillis(200), () -> ran.set(true));
    timer.cancel();
    // A later timer that does run proves the loop passed the cancelled one's deadline.
    CountDownLatch later = new CountDownLatch(1);
    loop.schedule(Duration.ofMillis(400), later::countDown);

    assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).isFalse();
  }

  @Test
  void timersFireInDeadlineOrder() throws InterruptedException {
    List<String> fired = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(2);
    loop.schedule(
        Duration.ofMillis(300),
        () -> {
          fired.add("late");
          done.countDown();
        });
    loop.schedule(
        Duration.ofMillis(50),
        () -> {
          fired.add("early");
          done.countDown();
        });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(fired).containsExactly("early", "late");
  }

  @Test
  void closedLoopRefusesNewTasks() {
    loop.close();

    assertThatThrownBy(() -> loop.execute(() -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void closeLetsQueuedTasksFinish() {
    AtomicBoolean ran = new AtomicBoolean();
    loop.execute(() -> ran.set(true));

    loop.close();

    assertThat(ran).isTrue();
  }
}

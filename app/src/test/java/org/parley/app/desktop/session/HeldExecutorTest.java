package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HeldExecutorTest {

  private final List<Runnable> passedOn = new ArrayList<>();
  private final List<String> ran = new ArrayList<>();

  @Test
  void holdsTasksUntilReleasedThenPassesThemOnInOrder() {
    HeldExecutor held = new HeldExecutor(passedOn::add);
    held.execute(() -> ran.add("registering"));
    held.execute(() -> ran.add("registered"));

    assertThat(passedOn).isEmpty();
    held.release();
    passedOn.forEach(Runnable::run);

    assertThat(ran).containsExactly("registering", "registered");
  }

  @Test
  void passesLaterTasksOnAtOnceAndReleasesOnlyOnce() {
    HeldExecutor held = new HeldExecutor(passedOn::add);
    held.execute(() -> ran.add("first"));
    held.release();
    held.execute(() -> ran.add("second"));
    held.release();
    passedOn.forEach(Runnable::run);

    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void tasksOfferedWhileReleasingKeepTheirOrder() throws Exception {
    int count = 20_000;
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    HeldExecutor held = new HeldExecutor(task -> task.run());
    CountDownLatch someHeld = new CountDownLatch(1);
    Thread producer =
        new Thread(
            () -> {
              for (int i = 0; i < count; i++) {
                int number = i;
                held.execute(() -> order.add(number));
                if (i == 1_000) {
                  someHeld.countDown();
                }
              }
            });
    producer.start();
    assertThat(someHeld.await(10, TimeUnit.SECONDS)).isTrue();
    held.release();
    producer.join(10_000);

    assertThat(order).hasSize(count).isSorted();
  }
}

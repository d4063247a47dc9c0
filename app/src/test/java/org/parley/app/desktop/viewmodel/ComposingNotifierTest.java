package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ComposingNotifierTest {

  private static final String BOB = "sip:bob@localhost";

  private final List<String> typingSent = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();
  private final ManualTimer timer = new ManualTimer();
  private final ComposingNotifier notifier =
      new ComposingNotifier(
          new Messenger() {
            @Override
            public String account() {
              return "sip:alice@localhost";
            }

            @Override
            public String peerUri(String target) {
              return target;
            }

            @Override
            public String send(String peerUri, String text) {
              throw new AssertionError("the notifier sends no text");
            }

            @Override
            public void sendComposing(String peerUri, boolean active) {
              typingSent.add(active ? "active" : "idle");
            }
          },
          nanos::get,
          timer);

  private void typeAfter(Duration pause, String draft) {
    nanos.addAndGet(pause.toNanos());
    notifier.edited(BOB, draft);
  }

  @Test
  void activeIsRefreshedBeforeTheAnnouncedSixtySecondsWhileTypingGoesOn() {
    typeAfter(Duration.ZERO, "a");
    for (int second = 10; second < 50; second += 10) {
      typeAfter(Duration.ofSeconds(10), "a".repeat(second));
    }
    assertThat(typingSent).containsExactly("active");

    typeAfter(Duration.ofSeconds(10), "more");
    assertThat(typingSent).containsExactly("active", "active");
  }

  @Test
  void eachKeystrokeRestartsTheFifteenSecondIdleTimer() {
    typeAfter(Duration.ZERO, "a");
    typeAfter(Duration.ofSeconds(5), "ab");

    assertThat(timer.pending()).hasSize(1);
    assertThat(timer.pending().get(0).delay).isEqualTo(Duration.ofSeconds(15));
    timer.runDue();
    assertThat(typingSent).containsExactly("active", "idle");
  }

  @Test
  void emptyingTheDraftSendsIdleAtOnceAndOnlyOnce() {
    typeAfter(Duration.ZERO, "a");
    typeAfter(Duration.ofSeconds(1), "");
    typeAfter(Duration.ofSeconds(1), "");
    timer.runDue();

    assertThat(typingSent).containsExactly("active", "idle");
  }
}

package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.core.store.sqlite.ProfileFixtures.answeredCall;
import static org.parley.core.store.sqlite.ProfileFixtures.missedCall;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.calllog.CallLog;
import org.parley.core.calllog.CallLogException;
import org.parley.core.calllog.CallQuality;
import org.parley.core.calllog.CallRecord;

class SqliteCallLogTest extends ProfileDatabaseFixture {

  private CallLog log;

  @BeforeEach
  void stores() {
    log = database.callLog();
  }

  private CallLog reopened() {
    return reopen().callLog();
  }

  @Test
  void everyFieldSurvivesClosingAndReopening() {
    CallRecord answered = log.add(answeredCall(0));
    CallRecord missed = log.add(missedCall(10));

    List<CallRecord> read = reopened().recent(10);

    assertThat(read).containsExactly(missed, answered);
    assertThat(answered).isEqualTo(answeredCall(0).withId(answered.id()));
    assertThat(read.get(1).answeredAt())
        .contains(ProfileFixtures.T0.plusMillis(2_345).plusNanos(7));
    assertThat(read.get(1).quality().orElseThrow().concealmentRatio()).isEqualTo(0.0125);
    assertThat(read.get(1).quality().orElseThrow().worstJitterBufferMillis()).isEqualTo(81.25);
    assertThat(read.get(0).codec()).isEmpty();
    assertThat(read.get(0).statusCode()).isEqualTo(487);
  }

  @Test
  void addGivesEachCallItsOwnId() {
    long first = log.add(missedCall(0)).id();
    long second = log.add(missedCall(0)).id();

    assertThat(first).isPositive();
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void recentListsNewestStartFirstWhateverTheOrderOfAdding() {
    CallRecord middle = log.add(missedCall(60));
    CallRecord oldest = log.add(answeredCall(0));
    CallRecord newest = log.add(missedCall(120));
    CallRecord sameStartAddedLater = log.add(answeredCall(120));

    assertThat(log.recent(10)).containsExactly(sameStartAddedLater, newest, middle, oldest);
    assertThat(log.recent(2)).containsExactly(sameStartAddedLater, newest);
    assertThat(log.recent(0)).isEmpty();
  }

  @Test
  void unmeasuredQualityValuesStayNotANumber() {
    CallRecord base = answeredCall(0);
    CallQuality partial = new CallQuality(4.0, 3.5, 0.0, Double.NaN, -1, Double.NaN);
    CallRecord call =
        log.add(
            new CallRecord(
                0,
                base.account(),
                base.direction(),
                base.peerUri(),
                base.peerDisplayName(),
                base.startedAt(),
                base.answeredAt(),
                base.endedAt(),
                base.disposition(),
                base.statusCode(),
                base.codec(),
                Optional.of(partial)));

    CallQuality read = reopened().recent(1).get(0).quality().orElseThrow();

    assertThat(read.jitterMillis()).isNaN();
    assertThat(read.concealmentRatio()).isNaN();
    assertThat(read.roundTripMillis()).isEqualTo(-1);
    assertThat(read.lossPercent()).isZero();
    assertThat(call.quality()).contains(partial);
  }

  @Test
  void clearForgetsEveryCallForGood() {
    log.add(answeredCall(0));
    log.add(missedCall(5));

    log.clear();

    assertThat(log.recent(10)).isEmpty();
    assertThat(reopened().recent(10)).isEmpty();
  }

  @Test
  void aDamagedRowIsReportedAsACallLogExceptionNamingTheColumn() {
    log.add(missedCall(0));
    database.execute(
        "damage a row",
        connection -> {
          try (var statement = connection.createStatement()) {
            return statement.executeUpdate("UPDATE call_log SET direction = 'SIDEWAYS'");
          }
        });

    assertThatThrownBy(() -> log.recent(1))
        .isInstanceOf(CallLogException.class)
        .hasMessageContaining("direction")
        .hasMessageContaining("SIDEWAYS");
  }

  @Test
  void negativeLimitIsRejected() {
    assertThatThrownBy(() -> log.recent(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentAddsFromTwoThreadsLoseNothing() throws Exception {
    int perThread = 100;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<CallRecord>>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int offset = t * perThread;
        results.add(
            threads.submit(
                () -> {
                  start.await();
                  List<CallRecord> added = new ArrayList<>();
                  for (int i = 0; i < perThread; i++) {
                    added.add(log.add(missedCall(offset + i)));
                    // Reads interleave with the other thread's writes on the shared connection.
                    assertThat(log.recent(1)).hasSize(1);
                  }
                  return added;
                }));
      }
      start.countDown();
      List<CallRecord> added = new ArrayList<>();
      for (Future<List<CallRecord>> result : results) {
        added.addAll(result.get(50, TimeUnit.SECONDS));
      }

      List<CallRecord> stored = reopened().recent(10 * perThread);
      assertThat(stored).hasSize(2 * perThread).containsExactlyInAnyOrderElementsOf(added);
      assertThat(stored).extracting(CallRecord::id).doesNotHaveDuplicates();
      // Newest first: call offsets 199, 198, ... 0.
      assertThat(stored.get(0).startedAt()).isEqualTo(ProfileFixtures.T0.plusSeconds(199));
      assertThat(stored.get(199).startedAt()).isEqualTo(ProfileFixtures.T0);
    } finally {
      threads.shutdownNow();
    }
  }
}

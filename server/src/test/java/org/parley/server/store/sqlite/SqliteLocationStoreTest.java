package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.server.store.sqlite.StoreFixtures.NOW;
import static org.parley.server.store.sqlite.StoreFixtures.await;
import static org.parley.server.store.sqlite.StoreFixtures.binding;

import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.Binding;
import org.parley.server.store.LocationStore;
import org.parley.server.store.StoreException;

@Timeout(60)
class SqliteLocationStoreTest {

  private static final String ALICE = "sip:alice@example.com";
  private static final String BOB = "sip:bob@example.com";

  @TempDir Path folder;
  private Path file;
  private ServerDatabase database;
  private LocationStore locations;

  @BeforeEach
  void open() throws StoreException {
    file = folder.resolve("parley.db");
    database = ServerDatabase.open(file);
    locations = database.locations();
  }

  @AfterEach
  void close() {
    database.close();
  }

  private List<Binding> afterRestart() throws StoreException {
    database.close();
    database = ServerDatabase.open(file);
    locations = database.locations();
    return locations.loadUnexpired(NOW);
  }

  @Test
  void bindingsSurviveARestartUnchanged() throws Exception {
    Binding first = binding(ALICE, "sip:alice@192.0.2.4:5060;transport=tcp");
    Binding bare =
        new Binding(
            ALICE,
            "sip:alice@198.51.100.7",
            "",
            NOW.plusSeconds(60),
            "call-2",
            1,
            -1,
            List.of(),
            "UDP",
            "198.51.100.7",
            5060,
            null,
            NOW);
    await(locations.replace(ALICE, List.of(first, bare)));

    assertThat(afterRestart()).containsExactly(first, bare);
  }

  @Test
  void expiredBindingsAreDroppedOnLoad() throws Exception {
    Binding live = binding(ALICE, "sip:alice@h1", NOW.plusNanos(1));
    Binding expiresNow = binding(ALICE, "sip:alice@h2", NOW);
    Binding expired = binding(BOB, "sip:bob@h3", NOW.minusSeconds(1));
    await(locations.replace(ALICE, List.of(live, expiresNow)));
    await(locations.replace(BOB, List.of(expired)));

    assertThat(locations.loadUnexpired(NOW)).containsExactly(live);
    // Deleted, not only skipped: an earlier "now" does not bring them back.
    assertThat(locations.loadUnexpired(NOW.minusSeconds(3600))).containsExactly(live);
  }

  @Test
  void replaceSwapsEveryBindingOfTheAorAndNoOther() throws Exception {
    await(
        locations.replace(ALICE, List.of(binding(ALICE, "sip:a@h1"), binding(ALICE, "sip:a@h2"))));
    await(locations.replace(BOB, List.of(binding(BOB, "sip:b@h1"))));

    await(locations.replace(ALICE, List.of(binding(ALICE, "sip:a@h3"))));

    assertThat(locations.loadUnexpired(NOW))
        .extracting(Binding::contactUri)
        .containsExactly("sip:a@h3", "sip:b@h1");
  }

  @Test
  void replaceWithAnEmptyListRemovesTheAor() throws Exception {
    await(locations.replace(ALICE, List.of(binding(ALICE, "sip:a@h1"))));
    await(locations.replace(BOB, List.of(binding(BOB, "sip:b@h1"))));

    await(locations.replace(ALICE, List.of()));

    assertThat(afterRestart()).extracting(Binding::aor).containsExactly(BOB);
  }

  @Test
  void concurrentReplacesOfManyAorsAllCommit() throws Exception {
    int threads = 16;
    int aorsPerThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    ConcurrentLinkedQueue<CompletionStage<Void>> stages = new ConcurrentLinkedQueue<>();
    List<Future<?>> callers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        int thread = t;
        callers.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < aorsPerThread; i++) {
                    String aor = "sip:t" + thread + "u" + i + "@example.com";
                    stages.add(locations.replace(aor, List.of(binding(aor, "sip:c@h"))));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> caller : callers) {
        caller.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    CompletableFuture.allOf(
            stages.stream()
                .map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);

    assertThat(afterRestart()).hasSize(threads * aorsPerThread);
  }

  @Test
  void laterReplaceOfTheSameAorWins() throws Exception {
    List<CompletionStage<Void>> stages = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      List<Binding> bindings = i % 3 == 2 ? List.of() : List.of(binding(ALICE, "sip:a@h" + i));
      stages.add(locations.replace(ALICE, bindings));
    }
    stages.add(locations.replace(ALICE, List.of(binding(ALICE, "sip:a@last"))));
    for (CompletionStage<Void> stage : stages) {
      await(stage);
    }

    assertThat(afterRestart()).extracting(Binding::contactUri).containsExactly("sip:a@last");
  }

  @Test
  void closeWaitsForQueuedWrites() throws Exception {
    List<CompletableFuture<Void>> queued = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      String aor = "sip:u" + i + "@example.com";
      queued.add(locations.replace(aor, List.of(binding(aor, "sip:c@h"))).toCompletableFuture());
    }

    locations.close();

    assertThat(queued).allSatisfy(future -> assertThat(future).isCompleted());
    assertThat(afterRestart()).hasSize(500);
  }

  @Test
  void replaceAfterCloseFailsWithStoreException() {
    locations.close();

    CompletionStage<Void> late = locations.replace(ALICE, List.of(binding(ALICE, "sip:a@h")));

    assertThatThrownBy(() -> await(late))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void aCompletedWriteIsInTheFileForANewConnection() throws Exception {
    Binding written = binding(ALICE, "sip:alice@192.0.2.4");

    await(locations.replace(ALICE, List.of(written)));

    // The first database stays open: nothing is flushed by closing it.
    try (ServerDatabase other = ServerDatabase.open(file)) {
      assertThat(other.locations().loadUnexpired(NOW)).containsExactly(written);
    }
  }

  @Test
  void theWriterCommitsInWalModeWithFullSync() throws Exception {
    SqliteLocationStore store = (SqliteLocationStore) locations;

    List<String> settings =
        await(
            store.submit(
                "read the settings",
                connection -> {
                  try (Statement statement = connection.createStatement()) {
                    return List.of(
                        SqliteConnections.queryString(statement, "PRAGMA journal_mode"),
                        SqliteConnections.queryString(statement, "PRAGMA synchronous"),
                        SqliteConnections.queryString(statement, "PRAGMA busy_timeout"),
                        SqliteConnections.queryString(statement, "PRAGMA foreign_keys"));
                  }
                }));

    // synchronous 2 is FULL.
    assertThat(settings).containsExactly("wal", "2", "5000", "1");
  }

  @Test
  void aBindingOfAnotherAorIsRefused() {
    assertThatThrownBy(() -> locations.replace(ALICE, List.of(binding(BOB, "sip:b@h"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BOB);
  }

  @Test
  void aPathValueWithALineBreakIsRefused() {
    Binding original = binding(ALICE, "sip:a@h");
    Binding broken =
        new Binding(
            ALICE,
            "sip:a@h",
            "",
            original.expiresAt(),
            "c",
            1,
            -1,
            List.of("<sip:p1;lr>\n<sip:p2;lr>"),
            "UDP",
            "192.0.2.1",
            5060,
            null,
            NOW);

    assertThatThrownBy(() -> locations.replace(ALICE, List.of(broken)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReturnedStageCannotBeCompletedByTheCaller() throws Exception {
    CompletionStage<Void> stage = locations.replace(ALICE, List.of(binding(ALICE, "sip:a@h")));

    stage.toCompletableFuture().completeExceptionally(new IllegalStateException("caller"));

    assertThat(await(stage)).isNull();
  }

  @Test
  void storedRowsKeepTheirOrderWithinAnAor() throws Exception {
    List<Binding> bindings = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      bindings.add(binding(ALICE, "sip:a@h" + i));
    }
    await(locations.replace(ALICE, bindings));

    assertThat(afterRestart()).containsExactlyElementsOf(bindings);
  }
}

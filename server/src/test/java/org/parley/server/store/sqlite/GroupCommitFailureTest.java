package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.server.store.sqlite.StoreFixtures.NOW;
import static org.parley.server.store.sqlite.StoreFixtures.await;
import static org.parley.server.store.sqlite.StoreFixtures.binding;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.Binding;
import org.parley.server.store.StoreException;

/**
 * How the location writer's group commit behaves when writing fails. A "gate" task holds the writer
 * inside one batch while the test queues the changes that must share the next batch.
 */
@Timeout(60)
class GroupCommitFailureTest {

  @TempDir Path folder;
  private ServerDatabase database;
  private SqliteLocationStore locations;
  private final CountDownLatch writerHeld = new CountDownLatch(1);
  private final CountDownLatch releaseWriter = new CountDownLatch(1);

  @BeforeEach
  void open() throws StoreException {
    database = ServerDatabase.open(folder.resolve("parley.db"));
    locations = (SqliteLocationStore) database.locations();
  }

  @AfterEach
  void close() {
    releaseWriter.countDown();
    database.close();
  }

  /** Holds the writer in a batch of its own until {@link #releaseWriter} counts down. */
  private CompletableFuture<Void> holdTheWriter() throws InterruptedException {
    CompletableFuture<Void> gate =
        locations.submit(
            "hold the writer",
            connection -> {
              writerHeld.countDown();
              try {
                if (!releaseWriter.await(20, TimeUnit.SECONDS)) {
                  throw new SQLException("the test never released the writer");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted", e);
              }
              return null;
            });
    assertThat(writerHeld.await(10, TimeUnit.SECONDS)).isTrue();
    return gate;
  }

  private CompletionStage<Void> register(String user) {
    String aor = "sip:" + user + "@example.com";
    return locations.replace(aor, List.of(binding(aor, "sip:" + user + "@192.0.2.1")));
  }

  @Test
  void aFailedCommitFailsEveryChangeOfItsBatchAndLaterBatchesStillCommit() throws Exception {
    await(
        locations.submit(
            "create tables with a deferred foreign key",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(
                    "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                        + " CREATE TABLE child (parent_id INTEGER"
                        + " REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)");
              }
              return null;
            }));
    CompletableFuture<Void> gate = holdTheWriter();
    CompletionStage<Void> alice = register("alice");
    CompletionStage<Void> bob = register("bob");
    // Passes its own savepoint, but makes COMMIT fail: a deferred foreign key with no parent.
    CompletableFuture<Void> breaksTheCommit =
        locations.submit(
            "insert an orphan",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO child (parent_id) VALUES (42)");
              }
              return null;
            });

    releaseWriter.countDown();

    await(gate);
    for (CompletionStage<Void> failed : List.of(alice, bob, breaksTheCommit)) {
      assertThatThrownBy(() -> await(failed))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("could not")
          .hasMessageContaining("FOREIGN KEY");
    }
    await(register("carol"));
    assertThat(locations.loadUnexpired(NOW))
        .extracting(Binding::aor)
        .containsExactly("sip:carol@example.com");
  }

  @Test
  void aFailingChangeFailsAloneAndTheRestOfItsBatchCommits() throws Exception {
    CompletableFuture<Void> gate = holdTheWriter();
    CompletionStage<Void> alice = register("alice");
    CompletableFuture<Void> broken =
        locations.submit(
            "run a broken statement",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM bindings");
                statement.executeUpdate("INSERT INTO no_such_table VALUES (1)");
              }
              return null;
            });
    CompletionStage<Void> bob = register("bob");

    releaseWriter.countDown();

    await(gate);
    await(alice);
    await(bob);
    assertThatThrownBy(() -> await(broken))
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not run a broken statement")
        .hasMessageContaining("no_such_table");
    // The broken change's DELETE was rolled back with it.
    assertThat(locations.loadUnexpired(NOW))
        .extracting(Binding::aor)
        .containsExactly("sip:alice@example.com", "sip:bob@example.com");
  }

  @Test
  void aFullDiskFailsTheWriteAndTheWriterRecovers() throws Exception {
    String aor = "sip:alice@example.com";
    Binding big = binding(aor, "sip:alice@192.0.2.1" + ";x=" + "y".repeat(200_000));
    // The database may not grow: the same error as a full disk, SQLITE_FULL.
    await(
        locations.submit(
            "cap the file",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                long pages = SqliteConnections.queryLong(statement, "PRAGMA page_count");
                statement.executeUpdate("PRAGMA max_page_count = " + pages);
              }
              return null;
            }));

    assertThatThrownBy(() -> await(locations.replace(aor, List.of(big))))
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("could not replace the bindings of " + aor)
        .hasMessageContaining("disk is full");

    await(
        locations.submit(
            "uncap the file",
            connection -> {
              try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("PRAGMA max_page_count = 1073741823");
              }
              return null;
            }));
    await(locations.replace(aor, List.of(big)));
    assertThat(locations.loadUnexpired(NOW)).containsExactly(big);
  }

  @Test
  void aFullQueueIsRefusedAtOnce() throws Exception {
    CompletableFuture<Void> gate = holdTheWriter();
    for (int i = 0; i < SqliteLocationStore.QUEUE_CAPACITY; i++) {
      locations.submit("wait", connection -> null);
    }

    CompletionStage<Void> refused = register("alice");

    assertThat(refused.toCompletableFuture()).isCompletedExceptionally();
    assertThatThrownBy(() -> await(refused))
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("already waiting");
    releaseWriter.countDown();
    await(gate);
  }
}

package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.server.store.sqlite.StoreFixtures.await;
import static org.parley.server.store.sqlite.StoreFixtures.user;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.StoreException;
import org.parley.server.store.User;
import org.parley.server.store.UserStore;

@Timeout(60)
class SqliteUserStoreTest {

  @TempDir Path folder;
  private Path file;
  private ServerDatabase database;
  private UserStore users;

  @BeforeEach
  void open() throws StoreException {
    file = folder.resolve("data").resolve("parley.db");
    database = ServerDatabase.open(file);
    users = database.users();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void addedUserIsFoundByName() throws StoreException {
    users.add(user("alice"));

    assertThat(users.find("alice")).contains(user("alice"));
  }

  @Test
  void unknownUserIsNotFound() throws StoreException {
    assertThat(users.find("nobody")).isEmpty();
  }

  @Test
  void namesAreCaseSensitive() throws StoreException {
    users.add(user("alice"));
    users.add(user("Alice"));

    assertThat(users.find("ALICE")).isEmpty();
    assertThat(users.list()).extracting(User::name).containsExactly("Alice", "alice");
  }

  @Test
  void addingAnExistingNameFailsAndSaysSo() throws StoreException {
    users.add(user("alice"));

    assertThatThrownBy(() -> users.add(new User("alice", "other.example", "x", "y")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("user alice already exists");
    assertThat(users.find("alice")).contains(user("alice"));
  }

  @Test
  void updateReplacesTheDigests() throws StoreException {
    users.add(user("alice"));
    User changed = new User("alice", "example.com", "new-md5", "new-sha256");

    assertThat(users.update(changed)).isTrue();
    assertThat(users.find("alice")).contains(changed);
  }

  @Test
  void updateOfAnUnknownUserReturnsFalseAndAddsNobody() throws StoreException {
    assertThat(users.update(user("ghost"))).isFalse();
    assertThat(users.list()).isEmpty();
  }

  @Test
  void removeDeletesTheUser() throws StoreException {
    users.add(user("alice"));

    assertThat(users.remove("alice")).isTrue();
    assertThat(users.find("alice")).isEmpty();
    assertThat(users.remove("alice")).isFalse();
  }

  @Test
  void listIsSortedByName() throws StoreException {
    for (String name : List.of("carol", "alice", "dave", "bob")) {
      users.add(user(name));
    }

    assertThat(users.list())
        .extracting(User::name)
        .containsExactly("alice", "bob", "carol", "dave");
  }

  @Test
  void usersSurviveReopening() throws StoreException {
    users.add(user("alice"));
    database.close();

    database = ServerDatabase.open(file);

    assertThat(database.users().find("alice")).contains(user("alice"));
  }

  @Test
  void anotherDatabaseOnTheSameFileSeesChangesAtOnce() throws StoreException {
    // The server has looked the user up (and cached the answer) before the CLI adds them.
    assertThat(users.find("bob")).isEmpty();
    User changed = new User("bob", "example.com", "md5-2", "sha256-2");

    try (ServerDatabase cli = ServerDatabase.open(file)) {
      cli.users().add(user("bob"));
      assertThat(users.find("bob")).contains(user("bob"));

      cli.users().update(changed);
      assertThat(users.findCurrent("bob")).contains(changed);

      cli.users().remove("bob");
      assertThat(users.findCurrent("bob")).isEmpty();
    }
  }

  @Test
  void aFoundUserIsTrustedForASecondAfterTheLastCheck() throws Exception {
    AtomicLong nanos = new AtomicLong();
    User changed = new User("alice", "example.com", "md5-2", "sha256-2");
    try (SqliteUserStore server =
            new SqliteUserStore(
                SqliteConnections.open(file), SqliteConnections.open(file), "test", nanos::get);
        ServerDatabase cli = ServerDatabase.open(file)) {
      cli.users().add(user("alice"));
      assertThat(server.find("alice")).contains(user("alice"));

      cli.users().update(changed);
      nanos.addAndGet(SqliteUserStore.RECHECK_NANOS - 1);
      assertThat(server.find("alice")).contains(user("alice"));
      assertThat(server.findCurrent("alice")).contains(changed);

      cli.users().remove("alice");
      nanos.addAndGet(SqliteUserStore.RECHECK_NANOS);
      assertThat(server.find("alice")).isEmpty();
    }
  }

  @Test
  void aNameNotInTheCacheIsCheckedAtOnce() throws Exception {
    AtomicLong nanos = new AtomicLong();
    try (SqliteUserStore server =
            new SqliteUserStore(
                SqliteConnections.open(file), SqliteConnections.open(file), "test", nanos::get);
        ServerDatabase cli = ServerDatabase.open(file)) {
      assertThat(server.find("bob")).isEmpty();

      cli.users().add(user("bob"));

      assertThat(server.find("bob")).contains(user("bob"));
    }
  }

  @Test
  void locationWritesDoNotHideLaterUserChanges() throws Exception {
    users.add(user("alice"));
    assertThat(users.find("alice")).isPresent();
    await(database.locations().replace("sip:alice@example.com", List.of()));
    assertThat(users.find("alice")).isPresent();

    try (ServerDatabase cli = ServerDatabase.open(file)) {
      cli.users().remove("alice");
    }

    assertThat(users.findCurrent("alice")).isEmpty();
  }

  @Test
  void findsFromManyThreadsSeeUsersAddedMeanwhile() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try (ServerDatabase cli = ServerDatabase.open(file)) {
      List<Future<?>> readers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        readers.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 2_000; i++) {
                    users.find("user" + (i % 50));
                  }
                  return null;
                }));
      }
      for (int i = 0; i < 50; i++) {
        cli.users().add(user("user" + i));
      }
      for (Future<?> reader : readers) {
        reader.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }

    for (int i = 0; i < 50; i++) {
      assertThat(users.find("user" + i)).contains(user("user" + i));
    }
    assertThat(users.list()).hasSize(50);
  }

  @Test
  void userToStringLeavesTheDigestsOut() {
    assertThat(user("alice").toString())
        .contains("alice")
        .doesNotContain("md5-of-alice")
        .doesNotContain("sha256-of-alice");
  }

  @Test
  void aClosedStoreFailsClearly() {
    database.close();

    assertThatThrownBy(() -> users.find("alice"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("closed");
  }
}

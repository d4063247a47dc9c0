package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.PublicationStore;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredPublication;
import org.parley.server.store.sqlite.ServerDatabase;

/** The presence store over a durable {@link PublicationStore}: what a restart finds again. */
class KeptPublicationsTest {

  private static final String ALICE = "sip:alice@office.example";
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @TempDir Path folder;

  private static byte[] doc(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String tagOf(PublishOutcome outcome) {
    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    return ((PublishOutcome.Published) outcome).entityTag();
  }

  private static String documentOf(PresenceStore store, Instant at) {
    return store.document(ALICE, at).map(d -> new String(d, StandardCharsets.UTF_8)).orElse("");
  }

  @Test
  void aRestartedStoreShowsTheDocumentAndAcceptsARefreshWithTheOldEntityTag() throws Exception {
    Path file = folder.resolve("parley.db");
    String tag;
    try (ServerDatabase database = ServerDatabase.open(file)) {
      PresenceStore before = new PresenceStore(60, 3600, database.publications());
      tag = tagOf(before.publish(ALICE, null, doc("away"), 600L, NOW));
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      PresenceStore after = new PresenceStore(60, 3600, database.publications());
      assertThat(after.restore(NOW.plusSeconds(5))).containsExactly(ALICE);
      assertThat(documentOf(after, NOW.plusSeconds(5))).isEqualTo("away");
      assertThat(after.untilNextExpiry(ALICE, NOW.plusSeconds(5)))
          .hasValueSatisfying(wait -> assertThat(wait.toSeconds()).isEqualTo(595));
      assertThat(after.publish(ALICE, "not-a-tag", null, 600L, NOW.plusSeconds(6)))
          .isInstanceOf(PublishOutcome.UnknownEntityTag.class);
      String refreshed = tagOf(after.publish(ALICE, tag, null, 600L, NOW.plusSeconds(6)));
      assertThat(database.publications().unexpired(NOW.plusSeconds(7)))
          .extracting(StoredPublication::entityTag, StoredPublication::expiresAt)
          .containsExactly(tuple(refreshed, NOW.plusSeconds(606)));
    }
  }

  @Test
  void aPublicationLapsedWhileTheServerWasDownIsNotRestored() throws Exception {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      new PresenceStore(60, 3600, database.publications())
          .publish(ALICE, null, doc("away"), 60L, NOW);
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      PresenceStore after = new PresenceStore(60, 3600, database.publications());
      assertThat(after.restore(NOW.plusSeconds(60))).isEmpty();
      assertThat(documentOf(after, NOW.plusSeconds(60))).isEmpty();
    }
  }

  @Test
  void expiresZeroRemovesTheKeptPublication() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      PresenceStore store = new PresenceStore(60, 3600, database.publications());
      String tag = tagOf(store.publish(ALICE, null, doc("away"), 600L, NOW));
      assertThat(store.publish(ALICE, tag, null, 0L, NOW.plusSeconds(1)))
          .isInstanceOf(PublishOutcome.Removed.class);
      assertThat(database.publications().unexpired(NOW.plusSeconds(2))).isEmpty();
    }
  }

  @Test
  void aSweepAfterTheExpiryForgetsTheKeptPublicationAndSaysSo() throws Exception {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      PresenceStore store = new PresenceStore(60, 3600, database.publications());
      store.publish(ALICE, null, doc("away"), 60L, NOW);
      assertThat(store.sweep(ALICE, NOW.plusSeconds(59))).isFalse();
      assertThat(store.sweep(ALICE, NOW.plusSeconds(60))).isTrue();
      assertThat(store.untilNextExpiry(ALICE, NOW.plusSeconds(60))).isEmpty();
      // Read at an earlier time, so only a deleted row is missing.
      assertThat(database.publications().unexpired(NOW)).isEmpty();
    }
  }

  @Test
  void aPublicationThatCannotBeStoredChangesNothing() {
    PresenceStore store = new PresenceStore(60, 3600, new Broken());
    assertThat(store.publish(ALICE, null, doc("away"), 600L, NOW))
        .isInstanceOf(PublishOutcome.NotStored.class);
    assertThat(store.document(ALICE, NOW)).isEmpty();
  }

  /** A database that fails every write, as a full disk does. */
  private static final class Broken implements PublicationStore {
    @Override
    public void put(StoredPublication publication, String replaced) throws StoreException {
      throw new StoreException("disk full");
    }

    @Override
    public void remove(String entityTag) throws StoreException {
      throw new StoreException("disk full");
    }

    @Override
    public List<StoredPublication> unexpired(Instant now) {
      return List.of();
    }
  }
}

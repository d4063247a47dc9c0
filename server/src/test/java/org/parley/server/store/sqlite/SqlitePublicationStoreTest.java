package org.parley.server.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredPublication;

class SqlitePublicationStoreTest {

  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final String ALICE = "sip:alice@office.example";

  @TempDir Path folder;

  private static StoredPublication publication(String tag, String body, Instant expiresAt) {
    return new StoredPublication(
        tag, ALICE, "application/pidf+xml", body.getBytes(StandardCharsets.UTF_8), expiresAt, NOW);
  }

  private static List<String> tagsAndBodies(List<StoredPublication> publications) {
    return publications.stream()
        .map(p -> p.entityTag() + "=" + new String(p.body(), StandardCharsets.UTF_8))
        .toList();
  }

  @Test
  void aPublicationSurvivesReopeningWithEveryField() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.publications().put(publication("e1", "<away/>", NOW.plusSeconds(600)), null);
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      List<StoredPublication> loaded = database.publications().unexpired(NOW.plusSeconds(599));
      assertThat(loaded).hasSize(1);
      StoredPublication kept = loaded.get(0);
      assertThat(kept.entityTag()).isEqualTo("e1");
      assertThat(kept.presentity()).isEqualTo(ALICE);
      assertThat(kept.contentType()).isEqualTo("application/pidf+xml");
      assertThat(kept.body()).asString(StandardCharsets.UTF_8).isEqualTo("<away/>");
      assertThat(kept.expiresAt()).isEqualTo(NOW.plusSeconds(600));
      assertThat(kept.modifiedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void aRefreshReplacesThePublicationItNames() throws StoreException {
    try (ServerDatabase database = ServerDatabase.open(folder.resolve("parley.db"))) {
      database.publications().put(publication("e1", "<away/>", NOW.plusSeconds(60)), null);
      database.publications().put(publication("e2", "<away/>", NOW.plusSeconds(3600)), "e1");
      assertThat(tagsAndBodies(database.publications().unexpired(NOW.plusSeconds(61))))
          .containsExactly("e2=<away/>");
    }
  }

  @Test
  void lapsedPublicationsAreDroppedAtLoadAndStayDropped() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.publications().put(publication("lapsed", "<old/>", NOW.plusSeconds(60)), null);
      database.publications().put(publication("running", "<new/>", NOW.plusSeconds(61)), null);
      assertThat(tagsAndBodies(database.publications().unexpired(NOW.plusSeconds(60))))
          .containsExactly("running=<new/>");
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      // Read at an earlier time: the lapsed row was deleted, not merely skipped.
      assertThat(tagsAndBodies(database.publications().unexpired(NOW)))
          .containsExactly("running=<new/>");
    }
  }

  @Test
  void removeForgetsOnlyTheNamedPublication() throws StoreException {
    Path file = folder.resolve("parley.db");
    try (ServerDatabase database = ServerDatabase.open(file)) {
      database.publications().put(publication("desk", "<desk/>", NOW.plusSeconds(600)), null);
      database.publications().put(publication("laptop", "<laptop/>", NOW.plusSeconds(600)), null);
      database.publications().remove("desk");
      database.publications().remove("unknown");
    }
    try (ServerDatabase database = ServerDatabase.open(file)) {
      assertThat(tagsAndBodies(database.publications().unexpired(NOW)))
          .containsExactly("laptop=<laptop/>");
    }
  }
}

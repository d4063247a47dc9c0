package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PresenceStoreTest {

  private static final String BOB = "sip:bob@office.example";
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  private final PresenceStore store = new PresenceStore(60, 3600);

  private static byte[] doc(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String publish(byte[] body, Instant at) {
    PublishOutcome outcome = store.publish(BOB, null, body, 600L, at);
    assertThat(outcome).isInstanceOf(PublishOutcome.Published.class);
    return ((PublishOutcome.Published) outcome).entityTag();
  }

  @Test
  void initialPublicationIsTheDocumentUntilItExpires() {
    publish(doc("open"), NOW);
    assertThat(store.document(BOB, NOW.plusSeconds(599)))
        .hasValueSatisfying(
            d -> assertThat(new String(d, StandardCharsets.UTF_8)).isEqualTo("open"));
    assertThat(store.document(BOB, NOW.plusSeconds(600))).isEmpty();
  }

  @Test
  void refreshKeepsTheDocumentUnderANewEntityTagAndTheOldTagNoLongerMatches() {
    String first = publish(doc("open"), NOW);
    PublishOutcome refreshed = store.publish(BOB, first, null, 600L, NOW.plusSeconds(500));
    assertThat(refreshed).isInstanceOf(PublishOutcome.Published.class);
    String second = ((PublishOutcome.Published) refreshed).entityTag();
    assertThat(second).isNotEqualTo(first);
    assertThat(store.document(BOB, NOW.plusSeconds(1000))).isPresent();
    assertThat(store.publish(BOB, first, null, 600L, NOW.plusSeconds(501)))
        .isInstanceOf(PublishOutcome.UnknownEntityTag.class);
  }

  @Test
  void modifyReplacesAndRemoveDeletes() {
    String tag = publish(doc("open"), NOW);
    PublishOutcome modified = store.publish(BOB, tag, doc("busy"), 600L, NOW.plusSeconds(1));
    String newTag = ((PublishOutcome.Published) modified).entityTag();
    assertThat(
            new String(
                store.document(BOB, NOW.plusSeconds(2)).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("busy");
    assertThat(store.publish(BOB, newTag, null, 0L, NOW.plusSeconds(3)))
        .isInstanceOf(PublishOutcome.Removed.class);
    assertThat(store.document(BOB, NOW.plusSeconds(4))).isEmpty();
  }

  @Test
  void latestOfSeveralPublishersWins() {
    publish(doc("desk: open"), NOW);
    publish(doc("laptop: busy"), NOW.plusSeconds(10));
    assertThat(
            new String(
                store.document(BOB, NOW.plusSeconds(11)).orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("laptop: busy");
  }

  @Test
  void tooBriefExpiryAndMissingBodyAreRefused() {
    assertThat(store.publish(BOB, null, doc("x"), 10L, NOW))
        .isEqualTo(new PublishOutcome.IntervalTooBrief(60));
    assertThat(store.publish(BOB, null, null, 600L, NOW))
        .isInstanceOf(PublishOutcome.MissingBody.class);
    PublishOutcome capped = store.publish(BOB, null, doc("x"), 999_999L, NOW);
    assertThat(((PublishOutcome.Published) capped).expiresSeconds()).isEqualTo(3600);
  }
}

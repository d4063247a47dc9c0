package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.core.im.ChatHistory;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ChatMessage.Direction;
import org.parley.core.im.ConversationSummary;

class SqliteChatHistoryTest extends ProfileDatabaseFixture {

  private static final String ALICE = "sip:alice@office.example";
  private static final String BOB = "sip:bob@office.example";
  private static final String CAROL = "sip:carol@office.example";
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456789Z");

  private static ChatMessage received(String peer, String key, String text, int minute) {
    return new ChatMessage(
        0,
        ALICE,
        peer,
        Direction.INCOMING,
        key,
        text,
        T0.plusSeconds(60L * minute),
        DeliveryState.RECEIVED,
        false);
  }

  private static ChatMessage sent(String peer, String key, String text, int minute) {
    return new ChatMessage(
        0,
        ALICE,
        peer,
        Direction.OUTGOING,
        key,
        text,
        T0.plusSeconds(60L * minute),
        DeliveryState.SENDING,
        true);
  }

  private ChatHistory history() {
    return database.chatHistory();
  }

  @Test
  void messagesSurviveReopeningTheDatabase() {
    ChatMessage first = history().add(received(BOB, "c1|1", "Lunch at noon?", 0));
    ChatMessage second = history().add(sent(BOB, "m-1", "Yes, see you there", 1));

    ChatHistory reopened = reopen().chatHistory();

    assertThat(reopened.conversation(ALICE, BOB, 10)).containsExactly(first, second);
    assertThat(first.id()).isPositive();
    assertThat(reopened.conversation(ALICE, BOB, 10).get(0).sentAt()).isEqualTo(T0);
  }

  @Test
  void searchFindsAWordInAnOldChatAfterReopening() {
    history().add(received(BOB, "c1|1", "The quarterly budget is due Friday", 0));
    for (int i = 1; i <= 50; i++) {
      history().add(sent(CAROL, "m-" + i, "Unrelated chatter number " + i, i));
    }

    ChatHistory reopened = reopen().chatHistory();

    assertThat(reopened.search(ALICE, "budget", 10))
        .extracting(ChatMessage::text)
        .containsExactly("The quarterly budget is due Friday");
  }

  @Test
  void searchIgnoresCaseAndAccentsMatchesPrefixesAndNeedsEveryWord() {
    history().add(received(BOB, "c1|1", "Meet at the Café Müller", 0));
    history().add(received(BOB, "c2|1", "Holiday plans: Lisbon", 1));
    history().add(received(BOB, "c3|1", "Holiday plans: Rome", 2));

    assertThat(history().search(ALICE, "cafe MULLER", 10)).hasSize(1);
    assertThat(history().search(ALICE, "holi", 10))
        .extracting(ChatMessage::text)
        .containsExactly("Holiday plans: Rome", "Holiday plans: Lisbon");
    assertThat(history().search(ALICE, "holiday rome", 10)).hasSize(1);
    assertThat(history().search(ALICE, "holiday paris", 10)).isEmpty();
  }

  @Test
  void searchSyntaxInTheWordsIsPlainText() {
    history().add(received(BOB, "c1|1", "say \"hello\" NEAR the door - or not", 0));

    assertThat(history().search(ALICE, "\"hello\"", 10)).hasSize(1);
    assertThat(history().search(ALICE, "NEAR( door", 10)).hasSize(1);
    assertThat(history().search(ALICE, "- AND * ^", 10)).isEmpty();
    assertThat(history().search(ALICE, "   ", 10)).isEmpty();
  }

  @Test
  void searchStaysInsideTheAccount() {
    history().add(received(BOB, "c1|1", "secret plans", 0));
    history()
        .add(
            new ChatMessage(
                0,
                "sip:eve@office.example",
                BOB,
                Direction.INCOMING,
                "c9|1",
                "other plans",
                T0,
                DeliveryState.RECEIVED,
                false));

    assertThat(history().search(ALICE, "plans", 10))
        .extracting(ChatMessage::text)
        .containsExactly("secret plans");
  }

  @Test
  void unreadCountsArePerConversationAndMarkReadClearsOnlyThatOne() {
    history().add(received(BOB, "b1|1", "one", 0));
    history().add(received(BOB, "b2|1", "two", 1));
    history().add(sent(BOB, "m-1", "my answer", 2));
    history().add(received(CAROL, "c1|1", "hi from carol", 3));

    assertThat(history().conversations(ALICE))
        .containsExactly(
            new ConversationSummary(CAROL, "hi from carol", T0.plusSeconds(180), 1),
            new ConversationSummary(BOB, "my answer", T0.plusSeconds(120), 2));

    assertThat(history().markRead(ALICE, BOB)).isEqualTo(2);
    assertThat(history().markRead(ALICE, BOB)).isZero();
    assertThat(reopen().chatHistory().conversations(ALICE))
        .extracting(ConversationSummary::unread)
        .containsExactly(1, 0);
  }

  @Test
  void aRedeliveredMessageIsStoredOnce() {
    ChatMessage first = history().add(received(BOB, "stored-abc|1", "only once", 0));

    ChatMessage again = history().add(received(BOB, "stored-abc|1", "only once", 0));

    assertThat(again).isEqualTo(first);
    assertThat(history().conversation(ALICE, BOB, 10)).hasSize(1);
    assertThat(history().conversations(ALICE).get(0).unread()).isEqualTo(1);
  }

  @Test
  void theStateOfOurMessageIsUpdatedByItsKey() {
    history().add(sent(BOB, "m-1", "hello", 0));

    assertThat(history().updateState(ALICE, "m-1", DeliveryState.STORED_FOR_LATER)).isTrue();
    assertThat(history().updateState(ALICE, "m-unknown", DeliveryState.FAILED)).isFalse();

    assertThat(history().conversation(ALICE, BOB, 1).get(0).state())
        .isEqualTo(DeliveryState.STORED_FOR_LATER);
  }

  @Test
  void theConversationReturnsTheLatestMessagesOldestFirst() {
    for (int i = 0; i < 5; i++) {
      history().add(received(BOB, "b" + i + "|1", "message " + i, i));
    }

    assertThat(history().conversation(ALICE, BOB, 3))
        .extracting(ChatMessage::text)
        .containsExactly("message 2", "message 3", "message 4");
  }

  @Test
  void aDeletedConversationIsGoneFromTheSearchIndexToo() {
    history().add(received(BOB, "b1|1", "the launch code is banana", 0));
    history().add(received(CAROL, "c1|1", "banana bread recipe", 1));

    assertThat(history().deleteConversation(ALICE, BOB)).isEqualTo(1);

    assertThat(history().search(ALICE, "banana", 10))
        .extracting(ChatMessage::peerUri)
        .containsExactly(CAROL);
    // The external-content index agrees with its table (FTS5's integrity check).
    database.execute(
        "check the index",
        connection -> {
          try (var statement = connection.createStatement()) {
            statement.executeUpdate(
                "INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
          }
          return null;
        });
  }
}

package org.parley.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ChatMessage.Direction;
import org.parley.core.im.ChatRecorder;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.MessageSent;
import org.parley.core.im.MessageEvent.PeerComposing;

class ChatRecorderTest extends ProfileDatabaseFixture {

  private static final String ALICE = "sip:alice@office.example";
  private static final String BOB = "sip:bob@office.example";
  private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

  @Test
  void sentMessagesAreStoredAndFollowTheirDeliveryState() {
    ChatRecorder recorder = new ChatRecorder(ALICE, database.chatHistory());

    recorder.onMessageEvent(new MessageSent("m-1", BOB, "first", T0));
    recorder.onMessageEvent(new MessageSent("m-2", BOB, "second", T0.plusSeconds(1)));
    recorder.onMessageEvent(new MessageDelivered("m-1", BOB, 202));
    recorder.onMessageEvent(new MessageFailed("m-2", BOB, 404, "Not Found"));

    assertThat(database.chatHistory().conversation(ALICE, BOB, 10))
        .extracting(ChatMessage::text, ChatMessage::state, ChatMessage::direction)
        .containsExactly(
            tuple("first", DeliveryState.STORED_FOR_LATER, Direction.OUTGOING),
            tuple("second", DeliveryState.FAILED, Direction.OUTGOING));
  }

  @Test
  void receivedMessagesAreStoredUnreadAndTypingIsNot() {
    ChatRecorder recorder = new ChatRecorder(ALICE, database.chatHistory());

    recorder.onMessageEvent(new PeerComposing(BOB, true, Duration.ofSeconds(60)));
    recorder.onMessageEvent(
        new MessageReceived("call-1|1", BOB, "Bob", "hello", T0, T0.plusSeconds(5)));

    ChatMessage stored = database.chatHistory().conversation(ALICE, BOB, 10).get(0);
    assertThat(database.chatHistory().conversation(ALICE, BOB, 10)).hasSize(1);
    assertThat(stored.text()).isEqualTo("hello");
    assertThat(stored.sentAt()).isEqualTo(T0);
    assertThat(stored.read()).isFalse();
    assertThat(stored.state()).isEqualTo(DeliveryState.RECEIVED);
  }

  @Test
  void aClosedDatabaseLeavesAGapInTheHistoryButNoException() {
    ChatRecorder recorder = new ChatRecorder(ALICE, database.chatHistory());
    database.close();

    recorder.onMessageEvent(new MessageSent("m-1", BOB, "lost", T0));

    assertThat(reopen().chatHistory().conversation(ALICE, BOB, 10)).isEmpty();
  }
}

package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ChatRecorder;
import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.MessageSent;
import org.parley.core.im.MessageTooLargeException;
import org.parley.core.store.sqlite.ProfileDatabase;

class ChatsViewModelTest {

  private static final Executor DIRECT = Runnable::run;
  private static final String ME = "sip:alice@localhost";
  private static final String BOB = "sip:bob@localhost";
  private static final String CAROL = "sip:carol@localhost";
  private static final Instant NOON = Instant.parse("2026-11-22T12:00:00Z");

  @TempDir Path profile;
  private ProfileDatabase database;
  private ChatRecorder recorder;
  private ChatsViewModel chats;
  private final List<String> sent = new ArrayList<>();
  private final List<String> typingSent = new ArrayList<>();
  private final ManualTimer timer = new ManualTimer();
  private RuntimeException sendFailure;
  private int nextId;

  // Like the core: the recorder writes the event to the history, then the UI hears of it.
  private final Messenger messenger =
      new Messenger() {
        @Override
        public String account() {
          return ME;
        }

        @Override
        public String peerUri(String target) {
          return target.startsWith("sip:") ? target : "sip:" + target + "@localhost";
        }

        @Override
        public String send(String peerUri, String text) {
          if (sendFailure != null) {
            throw sendFailure;
          }
          String id = "m" + ++nextId;
          sent.add(peerUri + " " + text);
          deliver(new MessageSent(id, peerUri, text, NOON));
          return id;
        }

        @Override
        public void sendComposing(String peerUri, boolean active) {
          typingSent.add(peerUri + (active ? " active" : " idle"));
        }
      };

  @BeforeEach
  void open() {
    database = ProfileDatabase.open(profile);
    recorder = new ChatRecorder(ME, database.chatHistory());
    chats =
        new ChatsViewModel(
            database.chatHistory(), messenger, DIRECT, DIRECT, Texts.forLocale(Locale.ENGLISH));
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void deliver(MessageEvent event) {
    recorder.onMessageEvent(event);
    chats.onMessageEvent(event);
  }

  private static MessageReceived received(String id, String peer, String text) {
    return new MessageReceived(id, peer, "", text, NOON, NOON);
  }

  @Test
  void incomingMessagesBumpTheUnreadCountsOfTheirConversation() {
    deliver(received("r1", BOB, "hi"));
    deliver(received("r2", BOB, "are you there?"));
    deliver(received("r3", CAROL, "lunch?"));

    assertThat(chats.conversations())
        .extracting(c -> c.peerUri() + "=" + c.unread())
        .containsExactlyInAnyOrder(BOB + "=2", CAROL + "=1");
    assertThat(chats.unreadTotalProperty().get()).isEqualTo(3);
  }

  @Test
  void openingAConversationShowsItsHistoryAndMarksItRead() {
    deliver(received("r1", BOB, "hi"));
    deliver(received("r2", CAROL, "lunch?"));

    chats.open(BOB);

    assertThat(chats.lines()).extracting(ChatLine::text).containsExactly("hi");
    assertThat(chats.unreadTotalProperty().get()).isEqualTo(1);
    assertThat(database.chatHistory().conversations(ME))
        .filteredOn(c -> c.peerUri().equals(BOB))
        .singleElement()
        .extracting(c -> c.unread())
        .isEqualTo(0);
  }

  @Test
  void aMessageToTheOpenConversationAppearsLiveAndIsReadAtOnce() {
    chats.open(BOB);

    deliver(received("r1", BOB, "live"));

    assertThat(chats.lines()).extracting(ChatLine::text).containsExactly("live");
    assertThat(chats.lines().get(0).outgoing()).isFalse();
    assertThat(chats.unreadTotalProperty().get()).isZero();
  }

  @Test
  void sendingShowsSendingThenTheDeliveryStateAndClearsTheDraft() {
    chats.open(BOB);
    chats.draftProperty().set("hello bob");

    assertThat(chats.send()).isTrue();

    assertThat(sent).containsExactly(BOB + " hello bob");
    assertThat(chats.draftProperty().get()).isEmpty();
    assertThat(chats.lines()).singleElement().extracting(ChatLine::stateText).isEqualTo("Sending…");

    deliver(new MessageDelivered("m1", BOB, 200));

    ChatLine line = chats.lines().get(0);
    assertThat(line.state()).isEqualTo(DeliveryState.DELIVERED);
    assertThat(line.stateText()).isEqualTo("Delivered");
  }

  @Test
  void a202IsShownAsStoredForLaterAndKeptSoInTheHistory() {
    chats.open(BOB);
    chats.draftProperty().set("see you");
    chats.send();

    deliver(new MessageDelivered("m1", BOB, 202));
    chats.open(BOB); // read back from the history

    assertThat(chats.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.state()).isEqualTo(DeliveryState.STORED_FOR_LATER);
              assertThat(line.stateText()).startsWith("Stored for later");
            });
  }

  @Test
  void aFailedMessageShowsTheReason() {
    chats.open(BOB);
    chats.draftProperty().set("anyone?");
    chats.send();

    deliver(new MessageFailed("m1", BOB, 404, "Not Found"));

    assertThat(chats.lines().get(0).stateText()).isEqualTo("Not sent: 404 Not Found");
  }

  @Test
  void emptyDraftsAndMissingConversationsAreNotSent() {
    chats.draftProperty().set("text");
    assertThat(chats.send()).isFalse();
    assertThat(chats.errorProperty().get()).isEqualTo("Pick a conversation first.");

    chats.open(BOB);
    chats.draftProperty().set("   ");
    assertThat(chats.send()).isFalse();
    assertThat(chats.errorProperty().get()).isEqualTo("Type a message first.");
    assertThat(sent).isEmpty();
  }

  @Test
  void aTooLongMessageKeepsTheDraftAndSaysSo() {
    chats.open(BOB);
    chats.draftProperty().set("long text");
    sendFailure = new MessageTooLargeException(5000, 4096);

    assertThat(chats.send()).isFalse();

    assertThat(chats.draftProperty().get()).isEqualTo("long text");
    assertThat(chats.errorProperty().get()).contains("too long");
    assertThat(chats.lines()).isEmpty();
  }

  @Test
  void searchFindsMessagesOfEveryConversationByWordPrefix() {
    deliver(received("r1", BOB, "the quarterly report is ready"));
    deliver(received("r2", CAROL, "lunch at noon"));
    chats.open(CAROL);
    chats.draftProperty().set("report tomorrow");
    chats.send();

    chats.searchProperty().set("repo");

    assertThat(chats.searchResults())
        .extracting(m -> m.peerUri() + ": " + m.text())
        .containsExactlyInAnyOrder(
            BOB + ": the quarterly report is ready", CAROL + ": report tomorrow");

    chats.searchProperty().set("");
    assertThat(chats.searchResults()).isEmpty();
  }

  @Test
  void aTypedUserStartsAConversationUnderTheirSipUri() {
    deliver(received("r1", BOB, "hi"));

    assertThat(chats.startConversation(" bob ")).isTrue();

    assertThat(chats.openPeerProperty().get()).isEqualTo(BOB);
    assertThat(chats.lines()).extracting(ChatLine::text).containsExactly("hi");
  }

  @Test
  void somethingThatNamesNobodyOpensNoConversation() {
    assertThat(chats.startConversation("not an address!")).isFalse();

    assertThat(chats.openPeerProperty().get()).isEmpty();
    assertThat(chats.errorProperty().get()).contains("not an address!");
  }

  @Test
  void theOpenPeerTypingIsShownUntilTheirMessageArrives() {
    chats.open(BOB);

    deliver(new MessageEvent.PeerComposing(CAROL, true, java.time.Duration.ofSeconds(15)));
    assertThat(chats.typingProperty().get()).isEmpty();

    deliver(new MessageEvent.PeerComposing(BOB, true, java.time.Duration.ofSeconds(15)));
    assertThat(chats.typingProperty().get()).isEqualTo("sip:bob@localhost is typing…");

    deliver(received("r1", BOB, "done typing"));
    assertThat(chats.typingProperty().get()).isEmpty();
  }

  @Test
  void typingInTheComposerSendsActiveOnceAndSendingTheMessageSendsNoIdle() {
    chats.sendTypingWith(new ComposingNotifier(messenger, () -> 0L, timer));
    chats.open(BOB);

    chats.draftProperty().set("h");
    chats.draftProperty().set("he");
    chats.draftProperty().set("hello");
    assertThat(typingSent).containsExactly(BOB + " active");

    assertThat(chats.send()).isTrue();
    timer.runDue();
    assertThat(typingSent).containsExactly(BOB + " active");
    assertThat(sent).containsExactly(BOB + " hello");
  }

  @Test
  void aPauseInTypingOrLeavingTheConversationSendsIdle() {
    chats.sendTypingWith(new ComposingNotifier(messenger, () -> 0L, timer));
    chats.open(BOB);
    chats.draftProperty().set("hel");
    timer.runDue();
    assertThat(typingSent).containsExactly(BOB + " active", BOB + " idle");

    chats.draftProperty().set("hell");
    chats.open(CAROL);
    assertThat(typingSent)
        .containsExactly(BOB + " active", BOB + " idle", BOB + " active", BOB + " idle");
  }

  @Test
  void aMessageForAConversationThatIsNotOpenAsksForADesktopAlert() {
    List<String> alerted = new ArrayList<>();
    chats.alertWith((peer, name, text) -> alerted.add(peer + "|" + name + "|" + text));
    chats.open(BOB);

    deliver(new MessageReceived("r1", CAROL, "Carol Jones", "lunch?", NOON, NOON));
    deliver(received("r2", CAROL, "at noon"));

    assertThat(alerted)
        .containsExactly(CAROL + "|Carol Jones|lunch?", CAROL + "|carol@localhost|at noon");
  }

  @Test
  void aMessageInTheOpenConversationOnScreenDoesNotAlert() {
    List<String> alerted = new ArrayList<>();
    chats.alertWith((peer, name, text) -> alerted.add(text));
    chats.onScreenProperty().set(true);
    chats.open(BOB);

    deliver(received("r1", BOB, "hi"));
    deliver(new MessageDelivered("m1", BOB, 200));

    assertThat(alerted).isEmpty();
    assertThat(chats.lines()).extracting(ChatLine::text).containsExactly("hi");
  }

  @Test
  void aMessageInTheOpenConversationAlertsWhileTheWindowIsInTheBackground() {
    List<String> alerted = new ArrayList<>();
    chats.alertWith((peer, name, text) -> alerted.add(peer + " " + text));
    chats.open(BOB);
    chats.onScreenProperty().set(false);

    deliver(received("r1", BOB, "are you there?"));

    assertThat(alerted).containsExactly(BOB + " are you there?");
  }
}

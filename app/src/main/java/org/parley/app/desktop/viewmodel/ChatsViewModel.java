package org.parley.app.desktop.viewmodel;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.im.ChatHistory;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ConversationSummary;
import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.PeerComposing;
import org.parley.core.im.MessageTooLargeException;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chats: conversations with unread counts, the open conversation's messages with their delivery
 * state, a composer, and a search over the history. History reads run off the UI thread; message
 * events arrive on it (the core's recorder has written them to the history by then).
 */
public final class ChatsViewModel {

  static final int CONVERSATION_LIMIT = 200;
  static final int SEARCH_LIMIT = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ChatsViewModel.class);

  private final ChatHistory history;
  private final Messenger messenger;
  private final Executor background;
  private final Executor ui;
  private final Texts texts;

  private final ObservableList<ConversationSummary> conversations =
      FXCollections.observableArrayList();
  private final ObservableList<ChatLine> lines = FXCollections.observableArrayList();
  private final ObservableList<ChatMessage> searchResults = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper openPeer = new ReadOnlyStringWrapper("");
  private final StringProperty draft = new SimpleStringProperty("");
  private final StringProperty search = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper typing = new ReadOnlyStringWrapper("");
  private final ReadOnlyIntegerWrapper unreadTotal = new ReadOnlyIntegerWrapper();
  // Failure reasons are not kept in the history: they are shown for this session only.
  private final Map<String, String> failureReasons = new HashMap<>();
  // Until the window says otherwise the chat counts as seen, so only other chats alert.
  private final BooleanProperty onScreen = new SimpleBooleanProperty(true);
  private ComposingNotifier composing;
  private ChatAlerts alerts = ChatAlerts.none();

  public ChatsViewModel(
      ChatHistory history, Messenger messenger, Executor background, Executor ui, Texts texts) {
    this.history = history;
    this.messenger = messenger;
    this.background = background;
    this.ui = ui;
    this.texts = texts;
    search.addListener((property, was, now) -> runSearch());
    draft.addListener(
        (property, was, now) -> {
          if (composing != null) {
            composing.edited(openPeer.get(), now);
          }
        });
  }

  /** Sends our typing state to the open conversation's peer while the user writes. */
  public void sendTypingWith(ComposingNotifier notifier) {
    composing = notifier;
  }

  /** Where messages that arrive unseen are announced (desktop notifications). */
  public void alertWith(ChatAlerts chatAlerts) {
    alerts = chatAlerts;
  }

  /** Reads the conversation list (and the unread total) from the history. */
  public void reload() {
    String account = messenger.account();
    read(
        () -> history.conversations(account),
        found -> {
          conversations.setAll(found);
          unreadTotal.set(found.stream().mapToInt(ConversationSummary::unread).sum());
        });
  }

  /** Opens the conversation with {@code peerUri}: shows its latest messages and marks them read. */
  public void open(String peerUri) {
    String account = messenger.account();
    if (composing != null && !peerUri.equals(openPeer.get())) {
      composing.left();
    }
    openPeer.set(peerUri);
    error.set("");
    typing.set("");
    read(
        () -> {
          List<ChatMessage> messages = history.conversation(account, peerUri, CONVERSATION_LIMIT);
          history.markRead(account, peerUri);
          return messages;
        },
        messages -> {
          if (peerUri.equals(openPeer.get())) {
            lines.setAll(messages.stream().map(this::line).toList());
          }
          reload();
        });
  }

  /**
   * Opens a conversation with the person the user typed (a SIP address or a user of the account's
   * domain).
   *
   * @return whether the text names someone; otherwise {@link #errorProperty()} says why
   */
  public boolean startConversation(String text) {
    var target = DialTarget.parse(text);
    if (target.isEmpty()) {
      error.set(texts.text("chat.error.peer", text.strip()));
      return false;
    }
    open(messenger.peerUri(target.get()));
    return true;
  }

  /**
   * Sends the draft to the open conversation.
   *
   * @return whether it was sent (the draft is then cleared); otherwise {@link #errorProperty()}
   *     says why
   */
  public boolean send() {
    String text = draft.get();
    String peer = openPeer.get();
    if (peer.isEmpty()) {
      error.set(texts.text("chat.error.noConversation"));
      return false;
    }
    if (text.isBlank()) {
      error.set(texts.text("chat.error.empty"));
      return false;
    }
    String messageKey;
    try {
      messageKey = messenger.send(peer, text);
    } catch (MessageTooLargeException e) {
      error.set(texts.text("chat.error.tooLarge"));
      return false;
    } catch (IllegalStateException | IllegalArgumentException e) {
      error.set(texts.text("chat.error.failed", e.getMessage()));
      return false;
    }
    error.set("");
    if (composing != null) {
      composing.sent();
    }
    draft.set("");
    lines.add(
        new ChatLine(
            messageKey, true, text, DeliveryState.SENDING, stateText(DeliveryState.SENDING, "")));
    return true;
  }

  /** A message event of the account, on the UI thread. */
  public void onMessageEvent(MessageEvent event) {
    if (event instanceof MessageDelivered delivered) {
      setState(
          delivered.messageId(),
          delivered.storedForLater() ? DeliveryState.STORED_FOR_LATER : DeliveryState.DELIVERED);
    } else if (event instanceof MessageFailed failed) {
      failureReasons.put(failed.messageId(), failed.statusCode() + " " + failed.reason());
      setState(failed.messageId(), DeliveryState.FAILED);
    } else if (event instanceof PeerComposing composing) {
      if (composing.peerUri().equals(openPeer.get())) {
        typing.set(composing.composing() ? texts.text("chat.typing", composing.peerUri()) : "");
      }
      return;
    } else if (event instanceof MessageReceived received) {
      boolean open = received.peerUri().equals(openPeer.get());
      if (!open || !onScreen.get()) {
        alerts.messageArrived(received.peerUri(), senderName(received), received.text());
      }
      if (open) {
        typing.set(""); // a message ends the typing state (RFC 3994)
        lines.add(
            new ChatLine(received.messageId(), false, received.text(), DeliveryState.RECEIVED, ""));
        String account = messenger.account();
        read(() -> history.markRead(account, received.peerUri()), marked -> reload());
        return;
      }
    }
    reload();
  }

  private static String senderName(MessageReceived received) {
    String name = received.peerDisplayName().strip();
    return name.isEmpty() ? received.peerUri().replaceFirst("^sips?:", "") : name;
  }

  private void setState(String messageKey, DeliveryState state) {
    for (int i = 0; i < lines.size(); i++) {
      ChatLine line = lines.get(i);
      if (line.messageKey().equals(messageKey) && line.outgoing()) {
        lines.set(
            i,
            new ChatLine(
                messageKey,
                true,
                line.text(),
                state,
                stateText(state, failureReasons.getOrDefault(messageKey, ""))));
      }
    }
  }

  private void runSearch() {
    String words = search.get().strip();
    if (words.isEmpty()) {
      searchResults.clear();
      return;
    }
    String account = messenger.account();
    read(
        () -> history.search(account, words, SEARCH_LIMIT),
        found -> {
          // A slower, older search must not overwrite a newer one.
          if (words.equals(search.get().strip())) {
            searchResults.setAll(found);
          }
        });
  }

  private ChatLine line(ChatMessage message) {
    boolean outgoing = message.direction() == ChatMessage.Direction.OUTGOING;
    String reason = failureReasons.getOrDefault(message.messageKey(), "");
    return new ChatLine(
        message.messageKey(),
        outgoing,
        message.text(),
        message.state(),
        outgoing ? stateText(message.state(), reason) : "");
  }

  private String stateText(DeliveryState state, String reason) {
    return switch (state) {
      case SENDING -> texts.text("chat.state.sending");
      case DELIVERED -> texts.text("chat.state.delivered");
      case STORED_FOR_LATER -> texts.text("chat.state.stored");
      case FAILED ->
          reason.isEmpty()
              ? texts.text("chat.state.failed")
              : texts.text("chat.state.failedBecause", reason);
      case RECEIVED -> "";
    };
  }

  private <T> void read(Supplier<T> work, Consumer<T> done) {
    background.execute(
        () -> {
          try {
            T result = work.get();
            ui.execute(() -> done.accept(result));
          } catch (StoreException e) {
            LOG.warn("The chat history could not be read", e);
            ui.execute(() -> error.set(texts.text("chat.error.store")));
          }
        });
  }

  public ObservableList<ConversationSummary> conversations() {
    return conversations;
  }

  public ObservableList<ChatLine> lines() {
    return lines;
  }

  public ObservableList<ChatMessage> searchResults() {
    return searchResults;
  }

  public ReadOnlyStringProperty openPeerProperty() {
    return openPeer.getReadOnlyProperty();
  }

  public StringProperty draftProperty() {
    return draft;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** "Bob is typing…" while the open conversation's peer types, else empty. */
  public ReadOnlyStringProperty typingProperty() {
    return typing.getReadOnlyProperty();
  }

  /**
   * Whether the chats are in front of the user: the window focused and not minimised, the chats tab
   * shown. The open conversation's messages alert only while this is false.
   */
  public BooleanProperty onScreenProperty() {
    return onScreen;
  }

  public ReadOnlyIntegerProperty unreadTotalProperty() {
    return unreadTotal.getReadOnlyProperty();
  }
}

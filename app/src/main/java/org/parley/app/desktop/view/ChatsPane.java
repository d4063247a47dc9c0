package org.parley.app.desktop.view;

import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.parley.app.desktop.viewmodel.ChatLine;
import org.parley.app.desktop.viewmodel.ChatsViewModel;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.core.im.ChatMessage;
import org.parley.core.im.ConversationSummary;

/**
 * The chats: search over the history, the conversation list with unread counts, the open
 * conversation and a composer (Enter sends). Peers' text is shown only as plain text in labels.
 */
final class ChatsPane extends VBox {

  private final ChatsViewModel chats;
  private final Texts texts;

  ChatsPane(ChatsViewModel chats, Texts texts) {
    this.chats = chats;
    this.texts = texts;
    setSpacing(6);
    setPadding(new Insets(8));

    TextField search =
        Views.textField("chats-search", chats.searchProperty(), texts.text("ui.chats.search"));
    search.setPromptText(texts.text("ui.chats.search"));
    ListView<ChatMessage> results =
        list(
            "chats-results",
            "ui.chats.results",
            chats.searchResults(),
            m -> m.peerUri() + ": " + m.text());
    results.setPrefHeight(120);
    Views.showWhen(results, chats.searchProperty().isNotEmpty());
    results.setOnMouseClicked(e -> openSelected(results));
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected(results);
          }
        });

    ListView<ConversationSummary> conversations =
        list(
            "chats-conversations",
            "ui.chats.conversations",
            chats.conversations(),
            c ->
                c.peerUri()
                    + (c.unread() > 0 ? " (" + texts.text("ui.chats.unread", c.unread()) + ")" : "")
                    + "\n"
                    + c.lastText());
    conversations.setPlaceholder(new Label(texts.text("ui.chats.empty")));
    conversations.setPrefHeight(160);
    conversations
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (property, was, now) -> {
              if (now != null && !now.peerUri().equals(chats.openPeerProperty().get())) {
                chats.open(now.peerUri());
              }
            });

    Label peer = Views.boundLabel("chat-peer", chats.openPeerProperty());
    ListView<ChatLine> messages =
        list("chat-messages", "ui.chats.messages", chats.lines(), this::describe);
    VBox.setVgrow(messages, Priority.ALWAYS);
    chats
        .lines()
        .addListener(
            (javafx.collections.ListChangeListener<ChatLine>)
                change -> messages.scrollTo(chats.lines().size() - 1));
    Label typing = Views.boundLabel("chat-typing", chats.typingProperty());
    Views.showWhen(typing, chats.typingProperty().isNotEmpty());
    Label error = Views.boundLabel("chat-error", chats.errorProperty());
    error.getStyleClass().add("danger");
    getChildren()
        .addAll(
            search,
            results,
            newConversation(),
            conversations,
            peer,
            messages,
            typing,
            error,
            composer());
  }

  private HBox newConversation() {
    TextField to = new TextField();
    to.setId("chat-to");
    to.setPromptText(plain("ui.chats.peer"));
    to.setAccessibleText(plain("ui.chats.peer"));
    Runnable open =
        () -> {
          if (chats.startConversation(to.getText())) {
            to.clear();
          }
        };
    to.setOnAction(e -> open.run());
    Button button = Views.button("chat-open", texts.text("ui.chats.open"), open);
    HBox.setHgrow(to, Priority.ALWAYS);
    return new HBox(4, to, button);
  }

  private HBox composer() {
    TextField draft =
        Views.textField("chat-composer", chats.draftProperty(), texts.text("ui.chats.composer"));
    draft.setPromptText(texts.text("ui.chats.composer"));
    draft.setOnAction(e -> chats.send());
    draft.disableProperty().bind(chats.openPeerProperty().isEmpty());
    Button send = Views.button("chat-send", texts.text("ui.chats.send"), chats::send);
    send.disableProperty().bind(chats.openPeerProperty().isEmpty());
    HBox.setHgrow(draft, Priority.ALWAYS);
    return new HBox(4, draft, send);
  }

  private String describe(ChatLine line) {
    String who = line.outgoing() ? texts.text("ui.chats.me") : chats.openPeerProperty().get();
    String state = line.stateText().isEmpty() ? "" : " \u2014 " + line.stateText();
    return who + ": " + line.text() + state;
  }

  private void openSelected(ListView<ChatMessage> results) {
    ChatMessage selected = results.getSelectionModel().getSelectedItem();
    if (selected != null) {
      chats.open(selected.peerUri());
    }
  }

  private String plain(String key) {
    return texts.text(key).replace("_", "");
  }

  private <T> ListView<T> list(
      String id,
      String accessibleKey,
      javafx.collections.ObservableList<T> items,
      Function<T, String> text) {
    ListView<T> view = new ListView<>(items);
    view.setId(id);
    view.setAccessibleText(texts.text(accessibleKey));
    view.setCellFactory(v -> new TextCell<>(text));
    return view;
  }

  /** A list cell that shows its item as plain, wrapped text, read out as it is shown. */
  private static final class TextCell<T> extends ListCell<T> {
    private final Function<T, String> text;

    TextCell(Function<T, String> text) {
      this.text = text;
      setWrapText(true);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setAccessibleText(null);
        return;
      }
      setText(text.apply(item));
      setAccessibleText(getText());
    }
  }
}

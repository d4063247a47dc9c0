package org.parley.core.im;

import org.parley.core.im.ChatMessage.DeliveryState;
import org.parley.core.im.ChatMessage.Direction;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageFailed;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.im.MessageEvent.MessageSent;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes an account's message events into the chat history: add it as a message listener. */
public final class ChatRecorder implements MessageListener {

  private static final Logger LOG = LoggerFactory.getLogger(ChatRecorder.class);

  private final String account;
  private final ChatHistory history;

  public ChatRecorder(String account, ChatHistory history) {
    this.account = account;
    this.history = history;
  }

  @Override
  public void onMessageEvent(MessageEvent event) {
    try {
      record(event);
    } catch (StoreException e) {
      // The conversation goes on; only its history has a gap, which the log explains.
      LOG.warn(
          "A {} could not be written to the chat history", event.getClass().getSimpleName(), e);
    }
  }

  private void record(MessageEvent event) {
    if (event instanceof MessageSent sent) {
      history.add(
          new ChatMessage(
              0,
              account,
              sent.peerUri(),
              Direction.OUTGOING,
              sent.messageId(),
              sent.text(),
              sent.sentAt(),
              DeliveryState.SENDING,
              true));
    } else if (event instanceof MessageDelivered delivered) {
      history.updateState(
          account,
          delivered.messageId(),
          delivered.storedForLater() ? DeliveryState.STORED_FOR_LATER : DeliveryState.DELIVERED);
    } else if (event instanceof MessageFailed failed) {
      history.updateState(account, failed.messageId(), DeliveryState.FAILED);
    } else if (event instanceof MessageReceived received) {
      history.add(
          new ChatMessage(
              0,
              account,
              received.peerUri(),
              Direction.INCOMING,
              received.messageId(),
              received.text(),
              received.sentAt(),
              DeliveryState.RECEIVED,
              false));
    }
    // Typing (PeerComposing) is not history.
  }
}

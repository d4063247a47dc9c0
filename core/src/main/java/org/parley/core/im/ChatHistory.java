package org.parley.core.im;

import java.util.List;

/** The chat history of a profile: every message sent and received, searchable by its words. */
public interface ChatHistory {

  /**
   * Stores a message; a second one with the same account, direction and key is ignored (a
   * redelivery).
   *
   * @return the message with its id, or the stored one it repeats
   */
  ChatMessage add(ChatMessage message);

  /**
   * Updates the state of our message {@code messageKey}.
   *
   * @return whether there was one
   */
  boolean updateState(String account, String messageKey, ChatMessage.DeliveryState state);

  /** The latest {@code limit} messages with {@code peerUri}, oldest first. */
  List<ChatMessage> conversation(String account, String peerUri, int limit);

  /**
   * Messages whose text has every word of {@code words} (a word also matches as a prefix, case and
   * accents ignored), newest first. Any text is accepted: search syntax is not interpreted.
   */
  List<ChatMessage> search(String account, String words, int limit);

  /** Every conversation of {@code account}, the most recent first. */
  List<ConversationSummary> conversations(String account);

  /**
   * Marks every received message with {@code peerUri} read.
   *
   * @return how many were unread
   */
  int markRead(String account, String peerUri);

  /**
   * Deletes the conversation with {@code peerUri}, from the search index too.
   *
   * @return how many messages it held
   */
  int deleteConversation(String account, String peerUri);
}

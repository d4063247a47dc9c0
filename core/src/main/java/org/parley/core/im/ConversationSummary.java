package org.parley.core.im;

import java.time.Instant;

/**
 * One conversation in the chat list: the peer, the latest message and how many are unread.
 *
 * @param unread received messages the user has not seen
 */
public record ConversationSummary(String peerUri, String lastText, Instant lastAt, int unread) {}

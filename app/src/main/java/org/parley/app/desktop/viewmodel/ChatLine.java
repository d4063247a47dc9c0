package org.parley.app.desktop.viewmodel;

import org.parley.core.im.ChatMessage.DeliveryState;

/**
 * One message as the conversation view shows it, always as plain text.
 *
 * @param messageKey our id for a sent message, the sender's for a received one
 * @param outgoing whether we sent it
 * @param text the message text (received text is already sanitized by the core)
 * @param state where it stands
 * @param stateText the state for the user, with the failure reason when known; empty for received
 *     messages
 */
public record ChatLine(
    String messageKey, boolean outgoing, String text, DeliveryState state, String stateText) {}

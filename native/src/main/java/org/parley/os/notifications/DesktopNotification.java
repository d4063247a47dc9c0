package org.parley.os.notifications;

import java.util.Objects;

/**
 * One notification as the caller means it: plain text, which the notifier sanitizes, shortens and
 * escapes for the desktop.
 *
 * @param kind what happened, which servers may use to group or sound
 * @param summary one line naming who or what, e.g. the sender's display name
 * @param text the content, e.g. the chat message; shown cut to about {@value
 *     NotificationText#MAX_BODY_CHARS} characters
 * @param tag what the app needs to act on a click (e.g. the conversation's SIP URI)
 */
public record DesktopNotification(Kind kind, String summary, String text, String tag) {

  /** What a notification is about, with the specification's category for it. */
  public enum Kind {
    /** A chat message arrived. */
    CHAT_MESSAGE("im.received"),
    /** A call rang and was not answered. */
    MISSED_CALL("call.unanswered");

    private final String category;

    Kind(String category) {
      this.category = category;
    }

    /** The {@code category} hint of the Desktop Notifications Specification. */
    public String category() {
      return category;
    }
  }

  public DesktopNotification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(tag, "tag");
  }
}

package org.parley.os.notifications;

import org.parley.core.im.DisplayText;

/**
 * Turns text from a peer into what a desktop notification shows: bidirectional overrides and
 * control characters removed as in the chat view ({@link DisplayText}), cut to a preview, and, for
 * servers that read markup in the body, {@code &}, {@code <} and {@code >} escaped so the text is
 * always shown as text, never as a link or formatting.
 */
public final class NotificationText {

  /** How much of a message a notification previews, in characters (code points). */
  public static final int MAX_BODY_CHARS = 100;

  /** Summaries are one line in every notification server; longer ones are cut. */
  static final int MAX_SUMMARY_CHARS = 80;

  private static final String ELLIPSIS = "\u2026";

  private NotificationText() {}

  /**
   * The body for a server that does ({@code markup}) or does not interpret markup in bodies.
   *
   * @param markup whether the server listed the {@code body-markup} capability
   */
  public static String body(String text, boolean markup) {
    String preview = cut(DisplayText.sanitize(text).strip(), MAX_BODY_CHARS);
    return markup ? escape(preview) : preview;
  }

  /** The summary: one line of plain text (the specification allows no markup there). */
  public static String summary(String text) {
    String oneLine = DisplayText.sanitize(text).replaceAll("\\s+", " ").strip();
    return cut(oneLine, MAX_SUMMARY_CHARS);
  }

  /** Escapes the three characters that start markup or an entity in a notification body. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  // Counts code points so an emoji (a surrogate pair) is never cut in half.
  private static String cut(String text, int maxChars) {
    if (text.codePointCount(0, text.length()) <= maxChars) {
      return text;
    }
    int end = text.offsetByCodePoints(0, maxChars);
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }
}

package org.parley.core.voicemail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mailbox's message-waiting state as an {@code application/simple-message-summary} body tells it
 * (RFC 3842 §5.2).
 *
 * @param messagesWaiting the {@code Messages-Waiting} line: whether any message is new
 * @param newMessages voice messages not yet heard
 * @param oldMessages voice messages heard and kept
 */
public record MessageSummary(boolean messagesWaiting, int newMessages, int oldMessages) {

  /** What is known before the first NOTIFY: nothing waits. */
  public static final MessageSummary EMPTY = new MessageSummary(false, 0, 0);

  public static final String CONTENT_TYPE = "application/simple-message-summary";

  // Bodies are a few lines; anything longer is read only this far, so a hostile NOTIFY costs
  // little.
  private static final int MAX_BODY_CHARS = 4096;
  private static final int MAX_COUNT = 1_000_000;

  // "2/8", "2/8 (0/2)", "2 / 8": new/old, optionally followed by the urgent new/old counts.
  private static final Pattern COUNTS = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9}).*");

  public MessageSummary {
    if (newMessages < 0 || oldMessages < 0) {
      throw new IllegalArgumentException("Message counts cannot be negative");
    }
  }

  /**
   * Reads a message-summary body. Header names are matched without regard to case, lines may end in
   * CRLF or LF, and lines that are not understood (other message classes, extensions, a garbled
   * count) are skipped: a malformed body gives counts of 0, never an exception.
   */
  public static MessageSummary parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.length() > MAX_BODY_CHARS) {
      text = text.substring(0, MAX_BODY_CHARS);
    }
    boolean waiting = false;
    int newCount = 0;
    int oldCount = 0;
    for (String line : text.split("\r?\n|\r")) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      if (name.equals("messages-waiting")) {
        waiting = value.equalsIgnoreCase("yes");
      } else if (name.equals("voice-message")) {
        Matcher counts = COUNTS.matcher(value);
        if (counts.matches()) {
          newCount = Math.min(MAX_COUNT, Integer.parseInt(counts.group(1)));
          oldCount = Math.min(MAX_COUNT, Integer.parseInt(counts.group(2)));
        }
      }
    }
    return new MessageSummary(waiting, newCount, oldCount);
  }

  /** {@code new/old}, as the Voice-Message line writes it. */
  @Override
  public String toString() {
    return newMessages + "/" + oldMessages;
  }
}

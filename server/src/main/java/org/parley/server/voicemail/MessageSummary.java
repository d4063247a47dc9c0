package org.parley.server.voicemail;

/**
 * A mailbox's counts for message-waiting indication (RFC 3842).
 *
 * @param newMessages messages not yet marked heard
 * @param oldMessages messages marked heard and not deleted
 */
public record MessageSummary(int newMessages, int oldMessages) {

  /** The {@code application/simple-message-summary} body for {@code account}. */
  public String body(String account) {
    return "Messages-Waiting: "
        + (newMessages > 0 ? "yes" : "no")
        + "\r\nMessage-Account: "
        + account
        + "\r\nVoice-Message: "
        + newMessages
        + "/"
        + oldMessages
        + "\r\n";
  }
}

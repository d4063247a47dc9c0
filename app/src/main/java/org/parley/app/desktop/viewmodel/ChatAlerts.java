package org.parley.app.desktop.viewmodel;

/** Tells the user about a chat message that arrived while its conversation was not on screen. */
public interface ChatAlerts {

  /**
   * A message arrived unseen; called on the UI thread, so implementations must not block.
   *
   * @param peerUri the conversation it belongs to (a click on the alert opens it)
   * @param senderName the sender's display name, or their address when they gave none
   * @param text the message, sanitized for display
   */
  void messageArrived(String peerUri, String senderName, String text);

  /** Alerts that show nothing, for tests and until the desktop's notifier is known. */
  static ChatAlerts none() {
    return (peerUri, senderName, text) -> {};
  }
}

package org.parley.app.desktop.viewmodel;

/** Sends instant messages for the chat view-model; implemented over the core's account. */
public interface Messenger {

  /** The address of record whose conversations the chat shows, empty when there is no account. */
  String account();

  /**
   * The SIP URI that {@code target} (a URI, {@code user@host} or a user) names, as events carry it.
   */
  String peerUri(String target);

  /**
   * Sends {@code text} to {@code peerUri}; returns at once, the outcome arrives as events.
   *
   * @return the message's id, which its delivery events carry
   * @throws org.parley.core.im.MessageTooLargeException when the text is too long
   * @throws IllegalStateException when no account can send
   */
  String send(String peerUri, String text);

  /** Tells {@code peerUri} we are typing ({@code true}) or stopped (RFC 3994); fire and forget. */
  void sendComposing(String peerUri, boolean active);
}

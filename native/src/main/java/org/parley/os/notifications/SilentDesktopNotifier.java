package org.parley.os.notifications;

import java.util.function.Consumer;

/**
 * The notifier where the desktop has no notification service Parley can use: shows nothing (the
 * window's title and the chats tab still count unread messages).
 */
public final class SilentDesktopNotifier implements DesktopNotifier {

  private final String why;

  /**
   * @param why why notifications are not shown, for {@link #description()}
   */
  public SilentDesktopNotifier(String why) {
    this.why = why;
  }

  @Override
  public void show(DesktopNotification notification) {
    // Nothing to show them on.
  }

  @Override
  public void onActivated(Consumer<DesktopNotification> handler) {
    // Nothing can be clicked.
  }

  @Override
  public String description() {
    return "No desktop notifications: " + why;
  }

  @Override
  public void close() {
    // Holds nothing.
  }
}

package org.parley.os.notifications;

import java.util.function.Consumer;

/**
 * Shows notifications in the desktop's own notification area (on Linux the freedesktop notification
 * service), for events the user should see while Parley's window is in the background.
 */
public interface DesktopNotifier extends AutoCloseable {

  /**
   * Asks the desktop to show {@code notification}. Returns at once: the request goes out on the
   * notifier's own thread, so a slow or missing service never blocks the caller, and failures are
   * logged, never thrown.
   */
  void show(DesktopNotification notification);

  /**
   * Where a click on a notification goes: {@code handler} receives the notification shown, on the
   * notifier's thread. Set once, before the first {@link #show}.
   */
  void onActivated(Consumer<DesktopNotification> handler);

  /** Where the notifications go, for the settings window and the logs. */
  String description();

  /** Stops the notifier's thread and lets go of the desktop service; never throws. */
  @Override
  void close();
}

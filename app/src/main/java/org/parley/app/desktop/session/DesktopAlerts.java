package org.parley.app.desktop.session;

import java.util.concurrent.Executor;
import org.parley.app.desktop.viewmodel.ChatAlerts;
import org.parley.app.desktop.viewmodel.Texts;
import org.parley.os.notifications.DesktopNotification;
import org.parley.os.notifications.DesktopNotification.Kind;
import org.parley.os.notifications.DesktopNotifier;

/**
 * Unseen chat messages and missed calls as desktop notifications, while the user has them turned on
 * in the settings. The setting is read for each one, off the UI thread, so turning it off takes
 * effect at once.
 */
public final class DesktopAlerts implements ChatAlerts {

  private final DesktopNotifier notifier;
  private final DesktopSettings settings;
  private final Executor background;
  private final Texts texts;

  /**
   * @param background where the setting is read (the profile database is not read on the UI thread)
   */
  public DesktopAlerts(
      DesktopNotifier notifier, DesktopSettings settings, Executor background, Texts texts) {
    this.notifier = notifier;
    this.settings = settings;
    this.background = background;
    this.texts = texts;
  }

  @Override
  public void messageArrived(String peerUri, String senderName, String text) {
    show(new DesktopNotification(Kind.CHAT_MESSAGE, senderName, text, peerUri));
  }

  /** A call from {@code caller} (as the call view names them) rang unanswered. */
  public void missedCall(String caller) {
    show(
        new DesktopNotification(
            Kind.MISSED_CALL, texts.text("notification.missedCall"), caller, caller));
  }

  private void show(DesktopNotification notification) {
    background.execute(
        () -> {
          if (settings.notificationsEnabled()) {
            notifier.show(notification);
          }
        });
  }
}

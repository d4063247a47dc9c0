package org.parley.app.desktop.view;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableIntegerValue;
import javafx.stage.Stage;
import org.parley.app.desktop.viewmodel.Texts;

/**
 * What the window does for the user's attention while it is in the background: an incoming call
 * brings it back from the task bar and to the front (the notification is in it), and unread chats
 * show in its title, which the task bar shows.
 */
public final class WindowAttention {

  private WindowAttention() {}

  /** Wires {@code stage} to the incoming-call flag and the unread count; on the FX thread. */
  public static void attach(
      Stage stage,
      String title,
      Texts texts,
      ObservableBooleanValue incomingShown,
      ObservableIntegerValue unreadChats) {
    incomingShown.addListener(
        (property, was, now) -> {
          if (now) {
            stage.setIconified(false);
            stage.toFront();
          }
        });
    // Set, not bound: the app sets the title itself when it (re)starts on the same stage.
    Runnable showUnread =
        () ->
            stage.setTitle(
                unreadChats.get() == 0
                    ? title
                    : texts.text("ui.window.titleUnread", unreadChats.get(), title));
    unreadChats.addListener((property, was, now) -> showUnread.run());
    showUnread.run();
  }
}

package org.parley.app.desktop.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.Locale;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.app.desktop.viewmodel.Texts;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window in the background: an incoming call brings it back; unread chats show in its title.
 */
@ExtendWith(ApplicationExtension.class)
class WindowAttentionTest {

  private final SimpleBooleanProperty incoming = new SimpleBooleanProperty();
  private final SimpleIntegerProperty unread = new SimpleIntegerProperty();
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    WindowAttention.attach(stage, "Parley", Texts.forLocale(Locale.ENGLISH), incoming, unread);
    stage.show();
  }

  @Test
  void anIncomingCallRestoresAMinimisedWindow(FxRobot robot) {
    robot.interact(() -> stage.setIconified(true));
    assumeThat(stage.isIconified()).as("this windowing system can minimise").isTrue();

    robot.interact(() -> incoming.set(true));

    assertThat(stage.isIconified()).isFalse();
  }

  @Test
  void unreadChatsShowInTheTitleUntilRead(FxRobot robot) {
    assertThat(stage.getTitle()).isEqualTo("Parley");

    robot.interact(() -> unread.set(3));
    assertThat(stage.getTitle()).isEqualTo("(3) Parley");

    robot.interact(() -> unread.set(0));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(stage.getTitle()).isEqualTo("Parley");
  }
}

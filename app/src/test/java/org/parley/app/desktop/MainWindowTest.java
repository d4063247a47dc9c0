package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.resources.Messages;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    new MainWindow(Messages.forLocale(Locale.ENGLISH)).showIn(stage);
  }

  @Test
  void mainWindowShowsTitledParleyWithItsStatusBar(FxRobot robot) {
    assertThat(stage.isShowing()).isTrue();
    assertThat(stage.getTitle()).isEqualTo("Parley");
    assertThat(stage.getScene().getWidth()).isEqualTo(MainWindow.WIDTH);

    Label status = robot.lookup("#registration-status").queryAs(Label.class);
    assertThat(status.getText()).isEqualTo("No account is set up yet.");
    assertThat(status.isVisible()).isTrue();
    assertThat(robot.lookup("#calls-placeholder").queryAs(Label.class).getText())
        .isEqualTo("Your calls will appear here.");
  }
}

package org.parley.app.desktop;

import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;
import org.parley.resources.Messages;

/** The JavaFX application: one main window. */
public final class ParleyApplication extends Application {

  @Override
  public void start(Stage stage) {
    new MainWindow(Messages.forLocale(Locale.getDefault())).showIn(stage);
  }
}

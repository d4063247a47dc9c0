package org.parley.app.desktop;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.parley.app.cli.VersionProvider;
import org.parley.resources.BundledResource;
import org.parley.resources.Messages;

/** Parley's main window: menu, the calls area and a status bar. The desktop issue fills it in. */
public final class MainWindow {

  static final String TITLE = "Parley";
  static final double WIDTH = 960;
  static final double HEIGHT = 640;

  private final Messages messages;

  public MainWindow(Messages messages) {
    this.messages = messages;
  }

  /** Builds the scene into the stage and shows it. */
  public void showIn(Stage stage) {
    BorderPane root = new BorderPane();
    root.setTop(menuBar(stage));
    root.setCenter(placeholder());
    root.setBottom(statusBar());

    Scene scene = new Scene(root, WIDTH, HEIGHT);
    scene.getStylesheets().add(BundledResource.named("css/parley.css").url().toExternalForm());
    stage.setTitle(TITLE);
    stage.setMinWidth(480);
    stage.setMinHeight(360);
    stage.setScene(scene);
    stage.show();
  }

  private MenuBar menuBar(Stage stage) {
    MenuItem quit = new MenuItem(messages.text("main.menu.quit"));
    quit.setId("quit");
    quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
    quit.setOnAction(
        event -> {
          stage.close();
          Platform.exit();
        });
    MenuItem about = new MenuItem(messages.text("main.menu.about"));
    about.setOnAction(event -> showAbout(stage));
    MenuBar bar =
        new MenuBar(
            new Menu(messages.text("main.menu.file"), null, quit),
            new Menu(messages.text("main.menu.help"), null, about));
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private Label placeholder() {
    Label label = new Label(messages.text("main.placeholder.calls"));
    label.setId("calls-placeholder");
    label.getStyleClass().add("placeholder");
    label.setWrapText(true);
    return label;
  }

  private HBox statusBar() {
    Label status = new Label(messages.text("main.status.noAccount"));
    status.setId("registration-status");
    status.setAccessibleText(status.getText());
    HBox bar = new HBox(status);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("status-bar");
    return bar;
  }

  private void showAbout(Stage owner) {
    Alert alert = new Alert(Alert.AlertType.INFORMATION);
    alert.initOwner(owner);
    alert.setTitle(messages.text("main.menu.about"));
    alert.setHeaderText(TITLE);
    alert.setContentText(messages.text("about.version", VersionProvider.version()));
    alert.show();
  }
}

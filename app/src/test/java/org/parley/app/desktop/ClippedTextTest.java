package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The clipped-text check finds a label or button JavaFX had to shorten, and only those. */
@ExtendWith(ApplicationExtension.class)
class ClippedTextTest {

  private static final String LONG = "Call with sip:echo@localhost ended: You hung up";

  private final VBox root = new VBox(4);

  @Start
  void start(Stage stage) {
    stage.setScene(new Scene(root, 400, 300));
    stage.show();
  }

  @Test
  void aLabelNarrowerThanItsTextIsReportedWithWhatItShows(FxRobot robot) {
    Label narrow = new Label(LONG);
    narrow.setId("last-outcome");
    narrow.setMaxWidth(80);

    List<String> clipped = layOut(robot, narrow);

    assertThat(clipped).singleElement().asString().startsWith("#last-outcome: \"" + LONG + "\"");
    assertThat(clipped.get(0)).endsWith("...\"");
  }

  @Test
  void aLabelWideEnoughForItsTextIsNotReported(FxRobot robot) {
    assertThat(layOut(robot, new Label(LONG))).isEmpty();
  }

  @Test
  void aWrappedLabelTooLowForItsLinesIsReported(FxRobot robot) {
    Label wrapped = new Label(LONG + ". " + LONG + ". " + LONG);
    wrapped.setWrapText(true);
    wrapped.setMaxWidth(120);
    wrapped.setMaxHeight(24);

    assertThat(layOut(robot, wrapped)).hasSize(1);
  }

  @Test
  void aButtonsMnemonicUnderscoreIsNotMistakenForClipping(FxRobot robot) {
    Button pause = new Button("_Pause");
    pause.setMnemonicParsing(true);
    Button narrow = new Button("_Stop recording");
    narrow.setMnemonicParsing(true);
    narrow.setMaxWidth(50);

    assertThat(layOut(robot, pause, narrow))
        .singleElement()
        .asString()
        .matches("Button\\.button: \"Stop recording\" shows as \"S[^\"]*\\.\\.\\.\"");
  }

  @Test
  void tabsWiderThanTheirPaneAreReportedAndTabsThatFitAreNot(FxRobot robot) {
    TabPane narrow = tabPane("narrow");
    narrow.setMaxWidth(160);
    TabPane wide = tabPane("wide");

    assertThat(layOut(robot, narrow, wide))
        .containsExactly(
            "#narrow: tabs cut off at the header's edge: [Contacts, History, Voicemail (1 new)]");
  }

  @Test
  void aHiddenClippedLabelIsNotReported(FxRobot robot) {
    Label hidden = new Label(LONG);
    hidden.setMaxWidth(80);
    VBox closed = new VBox(hidden);
    closed.setVisible(false);

    assertThat(layOut(robot, closed)).isEmpty();
  }

  private static TabPane tabPane(String id) {
    TabPane tabs =
        new TabPane(new Tab("Contacts"), new Tab("History"), new Tab("Voicemail (1 new)"));
    tabs.setId(id);
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    return tabs;
  }

  private List<String> layOut(FxRobot robot, javafx.scene.Node... nodes) {
    List<List<String>> found = new ArrayList<>();
    robot.interact(
        () -> {
          root.getChildren().setAll(nodes);
          root.applyCss();
          root.layout();
          found.add(ClippedText.in(root));
        });
    return found.get(0);
  }
}

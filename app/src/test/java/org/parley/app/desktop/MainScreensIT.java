package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.desktop.FxQueries.await;
import static org.parley.app.desktop.FxQueries.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.session.DesktopSettings.Theme;
import org.parley.app.desktop.viewmodel.ChatLine;
import org.parley.app.desktop.viewmodel.HistoryViewModel;
import org.parley.app.desktop.viewmodel.VoicemailViewModel;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent;
import org.parley.core.call.CallMedia;
import org.parley.core.im.MessageEvent.MessageDelivered;
import org.parley.core.im.MessageEvent.MessageReceived;
import org.parley.core.testing.MessageEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.server.voicemail.DefaultGreeting;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main screens as a user sees them, each checked for label and button text that JavaFX had to
 * cut short, at 100 % and at 200 % scaling: contacts with a buddy's status, an echo-test call with
 * its live quality, the history with its quality badge, a chat, the voicemail inbox, the settings,
 * and the main window in the dark and the high-contrast theme (whose labels must reach 7:1). With
 * {@code PARLEY_SCREENSHOTS} naming a folder (see {@code tools/screenshots.sh}) each screen is also
 * saved there as a picture.
 */
@ExtendWith(ApplicationExtension.class)
class MainScreensIT {

  private static final double WIDTH = 960;
  private static final double HEIGHT = 640;
  // A 1920x1080 display at 200 % offers 960x540 logical pixels. JavaFX lays out in logical pixels
  // and draws each as 2x2 (glass.gtk.uiScale=2), so a window of that size is the layout a 200 %
  // user gets, and a snapshot at scale 2 is what they see.
  private static final double HEIGHT_AT_200 = 540;
  private static final int SPOKEN_MILLIS = 1500;

  @TempDir Path profile;

  private final RecordingSink heard = new RecordingSink(TestDesktops.RATE_HZ);
  private final Optional<Path> pictures =
      Optional.ofNullable(System.getenv("PARLEY_SCREENSHOTS"))
          .filter(folder -> !folder.isBlank())
          .map(Path::of);
  private final List<String> clipped = new ArrayList<>();
  private DesktopApp app;
  private Stage stage;

  @Start
  void start(Stage stage) {
    this.stage = stage;
    app = TestDesktops.playingTone(profile, 600, heard);
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  @Test
  void noLabelOrButtonTextIsCutShortOnTheMainScreensAt100And200Percent(FxRobot robot)
      throws Exception {
    String me = FxQueries.signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();
    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob")) {
      FxQueries.addBusyBuddy(robot, bob, "Bob Baker");
      capture(robot, stage, "main-light", true);

      echoTestCall(robot);
      robot.clickOn("#history-tab");
      ListView<HistoryViewModel.Entry> history = robot.lookup("#history-list").queryListView();
      await(() -> history.getItems().size() == 1 && history.getItems().get(0).badge().isPresent());
      capture(robot, stage, "history", true);

      chatWith(robot, bob, me);
      capture(robot, stage, "chat", true);

      leaveVoicemail(robot, bob, me);
      robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
      ListView<VoicemailViewModel.Entry> inbox = robot.lookup("#voicemail-list").queryListView();
      await(() -> inbox.getItems().size() == 1);
      capture(robot, stage, "voicemail", true);
    }

    Window settings = openSettings(robot);
    capture(robot, settings, "settings", false);
    robot.clickOn("#settings-close");
    chooseTheme(robot, Theme.DARK);
    capture(robot, stage, "main-dark", true);

    chooseTheme(robot, Theme.HIGH_CONTRAST);
    capture(robot, stage, "main-high-contrast", true);
    List<String> faint = new ArrayList<>();
    robot.interact(() -> faint.addAll(TextContrast.below(stage.getScene().getRoot(), 7)));
    assertThat(faint).as("labels under 7:1 against white in high contrast").isEmpty();

    assertThat(clipped).as("text cut short on screen").isEmpty();
  }

  private static Window openSettings(FxRobot robot) throws Exception {
    robot.press(KeyCode.CONTROL).type(KeyCode.COMMA).release(KeyCode.CONTROL);
    await(() -> robot.lookup("#settings-save").tryQuery().isPresent());
    return robot.lookup("#settings-save").query().getScene().getWindow();
  }

  // As a user does it: the theme applies as soon as it is chosen in the settings.
  private static void chooseTheme(FxRobot robot, Theme theme) throws Exception {
    openSettings(robot);
    ComboBox<Theme> choice = robot.lookup("#settings-theme").queryComboBox();
    robot.interact(() -> choice.setValue(theme));
    robot.clickOn("#settings-close");
    await(() -> robot.lookup("#settings-save").tryQuery().isEmpty());
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
  }

  private void echoTestCall(FxRobot robot) throws Exception {
    robot.clickOn("#dial-field").write("echo").type(KeyCode.ENTER);
    await(() -> text(robot, "#call-state").startsWith("Connected"));
    // The picture should show measured quality, not the first tick's "MOS NaN".
    await(() -> text(robot, "#call-quality").matches("Quality: MOS \\d.*"));
    capture(robot, stage, "in-call", true);
    robot.clickOn("#hangup-button");
    await(() -> text(robot, "#last-outcome").endsWith("You hung up"));
  }

  private void chatWith(FxRobot robot, HeadlessAgent bob, String me) throws Exception {
    MessageEvents bobMessages = new MessageEvents();
    bob.account.messaging().addListener(bobMessages);
    robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
    robot.clickOn("#chat-to").write("bob").type(KeyCode.ENTER);
    await(() -> text(robot, "#chat-peer").equals("sip:bob@localhost"));
    robot.clickOn("#chat-composer").write("Are we still on for the 3 pm review?");
    robot.type(KeyCode.ENTER);
    bobMessages.next(MessageReceived.class);
    bob.account.messaging().send(me, "Yes, I booked the small meeting room.");
    bobMessages.next(MessageDelivered.class);
    ListView<ChatLine> lines = robot.lookup("#chat-messages").queryListView();
    await(() -> lines.getItems().size() == 2);
  }

  /** Bob calls; the user declines; the mailbox hears him out; he hangs up. */
  private void leaveVoicemail(FxRobot robot, HeadlessAgent bob, String me) throws Exception {
    RecordingSink bobHears = new RecordingSink(TestDesktops.RATE_HZ);
    Call call = bob.account.call(me, CallMedia.of(TestDesktops.tone(700), bobHears));
    await(() -> text(robot, "#incoming-caller").equals("sip:bob@localhost is calling"));
    robot.clickOn("#decline-button");
    bob.calls.next(CallEvent.CallEstablished.class);
    bobHears.awaitAfterSound(DefaultGreeting.DURATION_MILLIS + SPOKEN_MILLIS, 20_000);
    call.hangUp();
    bob.calls.next(CallEvent.CallEnded.class);
  }

  /**
   * Checks {@code window} for clipped text at 100 % and 200 % and saves both pictures when asked;
   * {@code resize} gives the main window its usual size, then the one a 200 % display leaves it.
   */
  private void capture(FxRobot robot, Window window, String name, boolean resize) {
    if (resize) {
      resize(robot, window, HEIGHT);
    }
    check(robot, window, name + " at 100 %", 1, pictures.map(p -> p.resolve(name + ".png")));
    if (resize) {
      resize(robot, window, HEIGHT_AT_200);
    }
    check(
        robot, window, name + " at 200 %", 2, pictures.map(p -> p.resolve("200/" + name + ".png")));
    if (resize) {
      resize(robot, window, HEIGHT);
    }
  }

  private static void resize(FxRobot robot, Window window, double height) {
    robot.interact(
        () -> {
          window.setWidth(WIDTH);
          window.setHeight(height);
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void check(FxRobot robot, Window window, String screen, double scale, Optional<Path> to) {
    robot.interact(
        () -> {
          Parent root = window.getScene().getRoot();
          root.applyCss();
          root.layout();
          ClippedText.in(root).forEach(found -> clipped.add(screen + ": " + found));
          to.ifPresent(file -> Snapshots.save(root, scale, file));
        });
  }
}

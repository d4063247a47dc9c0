package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.desktop.FxQueries.answerCallFrom;
import static org.parley.app.desktop.FxQueries.await;
import static org.parley.app.desktop.FxQueries.signedInAs;
import static org.parley.app.desktop.FxQueries.text;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.viewmodel.CallLine;
import org.parley.app.link.LinkInbox;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.testing.RecordingSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Two callers at once in the desktop window (call waiting, the call list, switching holds the
 * other), and links handed to the running app.
 */
@ExtendWith(ApplicationExtension.class)
class CallWaitingFlowIT {

  @TempDir Path profile;

  private final LinkInbox links = new LinkInbox();
  private DesktopApp app;

  @Start
  void start(Stage stage) {
    app = TestDesktops.playingTone(profile, 600, new RecordingSink(TestDesktops.RATE_HZ));
    app.openLinksFrom(links);
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  @Test
  void aWaitingCallIsAnsweredWithTheFirstOnHoldAndTheListSwitchesBack(FxRobot robot)
      throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      Call bobsCall = answerCallFrom(robot, bob, me);

      carol.account.call(me, TestDesktops.agentMedia(1400));
      await(() -> text(robot, "#incoming-caller").equals("sip:carol@localhost is calling"));
      assertThat(text(robot, "#call-waiting"))
          .isEqualTo(
              "sip:carol@localhost is calling too: Answer puts sip:bob@localhost on hold,"
                  + " Decline tells them you are busy");
      robot.clickOn("#answer-button");

      assertThat(bob.calls.next(CallHoldChanged.class).heldByPeer()).isTrue();
      carol.calls.next(CallEstablished.class);
      ListView<CallLine> list = robot.lookup("#call-list").queryListView();
      await(() -> list.isVisible() && list.getItems().size() == 2);
      await(() -> text(robot, "#call-peer").equals("sip:carol@localhost"));

      // Bob's line shows "On hold" once his re-INVITE's answer is in, which may be after Carol's.
      await(() -> robot.lookup("sip:bob@localhost \u2014 On hold").tryQuery().isPresent());
      robot.clickOn("sip:bob@localhost \u2014 On hold");
      assertThat(carol.calls.next(CallHoldChanged.class).heldByPeer()).isTrue();
      assertThat(bob.calls.next(CallHoldChanged.class).heldByPeer()).isFalse();
      await(() -> text(robot, "#call-peer").equals("sip:bob@localhost"));
      await(() -> text(robot, "#call-state").equals("Connected"));

      bobsCall.hangUp();
      await(() -> text(robot, "#call-peer").equals("sip:carol@localhost"));
      await(() -> text(robot, "#call-state").equals("On hold"));
    }
  }

  @Test
  void linksHandedToTheRunningAppAreCalledATelNumberAtTheAccountsDomain(FxRobot robot)
      throws Exception {
    signedInAs(robot);

    links.deliver(List.of("tel:+49-30-123"));
    await(() -> text(robot, "#last-outcome").startsWith("Call with sip:+4930123@localhost"));

    links.deliver(List.of("sip:echo@localhost"));
    await(() -> text(robot, "#call-state").startsWith("Connected"));
    assertThat(text(robot, "#call-peer")).isEqualTo("sip:echo@localhost");
    robot.clickOn("#hangup-button");
    await(() -> text(robot, "#last-outcome").endsWith("You hung up"));

    links.deliver(List.of("tel:nonsense"));
    await(() -> text(robot, "#dial-error").startsWith("“tel:nonsense” is not a telephone number"));
  }
}

package org.parley.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.app.desktop.FxQueries.answerCallFrom;
import static org.parley.app.desktop.FxQueries.await;
import static org.parley.app.desktop.FxQueries.signedInAs;
import static org.parley.app.desktop.FxQueries.text;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.CallHoldChanged;
import org.parley.core.call.CallEvent.CallReplaced;
import org.parley.core.call.CallEvent.CallTransferred;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallEvent.TransferProgress;
import org.parley.core.testing.RecordingSink;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Transfer from the desktop's call view: Bob calls the desktop user, who transfers him to Carol by
 * typing her name; Bob's agent calls Carol, she answers, and the desktop's call ends.
 */
@ExtendWith(ApplicationExtension.class)
class TransferFlowIT {

  @TempDir Path profile;

  private DesktopApp app;

  @Start
  void start(Stage stage) {
    app = TestDesktops.playingTone(profile, 600, new RecordingSink(TestDesktops.RATE_HZ));
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    app.shutdown().get(15, TimeUnit.SECONDS);
  }

  @Test
  void blindTransferConnectsTheCallerWithTheTargetAndEndsOurCall(FxRobot robot) throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      answerCallFrom(robot, bob, me);

      robot.clickOn("#transfer-target").write("carol");
      robot.clickOn("#transfer-button");

      Call atCarol = carol.calls.next(IncomingCall.class).call();
      assertThat(atCarol.peerUri()).isEqualTo("sip:bob@localhost");
      atCarol.answer(TestDesktops.agentMedia(800));
      Call bobToCarol = bob.calls.next(CallTransferred.class).newCall();
      assertThat(bob.calls.next(CallEstablished.class).call()).isSameAs(bobToCarol);
      carol.calls.next(CallEstablished.class);

      await(
          () ->
              text(robot, "#last-outcome")
                  .equals("Call with sip:bob@localhost ended: Transferred"));
      assertThat(text(robot, "#transfer-status")).isEqualTo("Transferred to carol");
      assertThat(robot.lookup("#in-call").query().isVisible()).isFalse();
      assertThat(bobToCarol.state()).isEqualTo(Call.State.ESTABLISHED);
      assertThat(atCarol.state()).isEqualTo(Call.State.ESTABLISHED);
    }
  }

  @Test
  void attendedTransferJoinsTheHeldCallerWithTheConsultedTarget(FxRobot robot) throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      answerCallFrom(robot, bob, me);

      robot.clickOn("#transfer-target").write("carol");
      robot.clickOn("#consult-button");
      assertThat(bob.calls.next(CallHoldChanged.class).heldByPeer()).isTrue();
      Call consultation = carol.calls.next(IncomingCall.class).call();
      consultation.answer(TestDesktops.agentMedia(800));
      await(() -> text(robot, "#call-state").startsWith("Connected"));
      assertThat(text(robot, "#call-peer")).isEqualTo("sip:carol@localhost");

      robot.clickOn("#complete-transfer-button");

      // Bob calls Carol with Replaces; her new call takes the place of ours.
      Call bobToCarol = bob.calls.next(CallTransferred.class).newCall();
      CallReplaced replaced = carol.calls.next(CallReplaced.class);
      assertThat(replaced.call()).isSameAs(consultation);
      assertThat(bob.calls.next(CallEstablished.class).call()).isSameAs(bobToCarol);
      await(() -> !robot.lookup("#in-call").query().isVisible());
      assertThat(text(robot, "#transfer-status")).isEqualTo("Transferred to sip:carol@localhost");
      await(() -> replaced.newCall().state() == Call.State.ESTABLISHED);
    }
  }

  @Test
  void whenTheCallerTransfersUsTheCallViewFollowsTheNewCall(FxRobot robot) throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      Call bobsCall = answerCallFrom(robot, bob, me);

      bobsCall.transfer("carol");
      await(() -> robot.lookup("#transfer-prompt").query().isVisible());
      assertThat(text(robot, "#transfer-prompt-question"))
          .isEqualTo("sip:bob@localhost wants to transfer you to carol@localhost.");
      assertThat(carol.calls.drain()).isEmpty(); // no one is called before the user says go
      robot.clickOn("#transfer-go-button");
      carol.calls.next(IncomingCall.class).call().answer(TestDesktops.agentMedia(800));

      await(() -> text(robot, "#call-peer").equals("sip:carol@localhost"));
      await(() -> text(robot, "#call-state").startsWith("Connected"));
      await(() -> text(robot, "#last-outcome").startsWith("Call with sip:bob@localhost ended"));
      assertThat(robot.lookup("#in-call").query().isVisible()).isTrue();
      assertThat(robot.lookup("#transfer-prompt").query().isVisible()).isFalse();
      robot.clickOn("#hangup-button");
      carol.calls.next(CallEnded.class);
    }
  }

  @Test
  void stayingKeepsTheCallerAndTellsHimTheTransferWasDeclined(FxRobot robot) throws Exception {
    String me = signedInAs(robot);
    int port = app.embeddedServerPort().orElseThrow();

    try (HeadlessAgent bob = HeadlessAgent.register(profile, port, "bob");
        HeadlessAgent carol = HeadlessAgent.register(profile, port, "carol")) {
      Call bobsCall = answerCallFrom(robot, bob, me);

      bobsCall.transfer("carol");
      await(() -> robot.lookup("#transfer-go-button").query().isFocused());
      Node question = robot.lookup("#transfer-prompt-question").query();
      assertThat(question.getAccessibleText()).contains("wants to transfer you to carol@localhost");
      // Keyboard only: from "Go", which has the focus, Tab reaches "Stay" and Space presses it.
      robot.type(KeyCode.TAB).type(KeyCode.SPACE);

      TransferProgress declined = finalProgress(bob);
      assertThat(declined.statusCode()).isEqualTo(603);
      await(() -> text(robot, "#transfer-prompt-notice").startsWith("You stayed with"));
      assertThat(robot.lookup("#transfer-prompt").query().isVisible()).isFalse();
      assertThat(text(robot, "#call-peer")).isEqualTo("sip:bob@localhost");
      assertThat(bobsCall.state()).isEqualTo(Call.State.ESTABLISHED);
      robot.clickOn("#hangup-button");
      assertThat(bob.calls.next(CallEnded.class).call()).isSameAs(bobsCall);
      assertThat(carol.calls.drain()).isEmpty(); // Carol's phone never rang
    }
  }

  private static TransferProgress finalProgress(HeadlessAgent agent) throws Exception {
    while (true) {
      TransferProgress progress = agent.calls.next(TransferProgress.class);
      if (progress.finalStatus()) {
        return progress;
      }
    }
  }
}

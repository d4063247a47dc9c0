package org.parley.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEstablished;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the desktop flow tests ask of the window: labels, waiting, a call answered from it. */
final class FxQueries {

  private static final String SIGNED_IN = "Ready: signed in as ";

  private FxQueries() {}

  /** The label's text; empty until the node exists (the main view replaces the start screen). */
  static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  /** The accessible text of the list cell for {@code name} (what a screen reader says for it). */
  static String cellText(FxRobot robot, String name) {
    return robot.lookup(".list-cell").queryAll().stream()
        .map(javafx.scene.Node::getAccessibleText)
        .filter(t -> t != null && t.startsWith(name + " "))
        .findFirst()
        .orElse("");
  }

  /** Waits until the desktop's account is signed in; its address of record. */
  static String signedInAs(FxRobot robot) throws Exception {
    await(() -> text(robot, "#registration-status").startsWith(SIGNED_IN));
    return text(robot, "#registration-status").substring(SIGNED_IN.length());
  }

  /** {@code caller} calls the desktop user {@code me}, who answers from the notification. */
  static Call answerCallFrom(FxRobot robot, HeadlessAgent caller, String me) throws Exception {
    Call call = caller.account.call(me, TestDesktops.agentMedia(1400));
    String from = caller.account.addressOfRecord();
    await(() -> text(robot, "#incoming-caller").equals(from + " is calling"));
    robot.clickOn("#answer-button");
    caller.calls.next(CallEstablished.class);
    await(() -> text(robot, "#call-state").startsWith("Connected"));
    return call;
  }

  /** Waits up to 30 s for {@code condition}. */
  static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}

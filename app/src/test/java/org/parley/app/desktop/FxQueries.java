package org.parley.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.presence.PresenceEvent;
import org.parley.core.presence.PresenceStatus;
import org.parley.core.testing.PresenceEvents;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the desktop flow tests ask of the window: labels, waiting, a call answered from it. */
final class FxQueries {

  private static final String SIGNED_IN = "Ready: signed in as ";

  private FxQueries() {}

  /**
   * Adds bob@localhost as the contact {@code name}, has Bob choose "busy" and waits until his
   * contact shows it: presence watched and delivered end to end.
   */
  static void addBusyBuddy(FxRobot robot, HeadlessAgent bob, String name) throws Exception {
    robot.clickOn("#contact-add");
    robot.clickOn("#contact-name").write(name);
    robot.clickOn("#contact-sip-uri").write("bob@localhost");
    robot.clickOn("#contact-save");
    PresenceEvents presence = new PresenceEvents();
    bob.account.presence().addListener(presence);
    bob.account.presence().setStatus(PresenceStatus.BUSY);
    presence.next(PresenceEvent.StatusPublished.class);
    await(() -> cellText(robot, name).endsWith(", Busy"));
  }

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

package org.parley.app.desktop;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the desktop flow tests ask of the window: a label's text, and waiting for a condition. */
final class FxQueries {

  private FxQueries() {}

  /** The label's text; empty until the node exists (the main view replaces the start screen). */
  static String text(FxRobot robot, String query) {
    return robot.lookup(query).tryQueryAs(Label.class).map(Label::getText).orElse("");
  }

  /** Waits up to 30 s for {@code condition}. */
  static void await(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}

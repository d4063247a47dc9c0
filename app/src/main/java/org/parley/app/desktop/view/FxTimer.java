package org.parley.app.desktop.view;

import java.time.Duration;
import javafx.animation.PauseTransition;
import org.parley.app.desktop.viewmodel.ComposingNotifier;

/** Delays on the FX thread without a thread of their own, for the view-models' timers. */
public final class FxTimer implements ComposingNotifier.Timer {

  @Override
  public Runnable schedule(Duration delay, Runnable task) {
    PauseTransition pause = new PauseTransition(javafx.util.Duration.millis(delay.toMillis()));
    pause.setOnFinished(event -> task.run());
    pause.play();
    return pause::stop;
  }
}

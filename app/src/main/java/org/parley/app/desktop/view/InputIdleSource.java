package org.parley.app.desktop.view;

import java.time.Duration;
import java.util.function.LongSupplier;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.parley.core.presence.IdleSource;

/**
 * The user's idle time as the main window sees it: every key, click, scroll or pointer move in its
 * scene counts as activity. Time is read from a monotonic clock, so changes of the wall clock do
 * not make anyone away.
 */
public final class InputIdleSource implements IdleSource {

  private final LongSupplier nanoTime;
  private volatile long lastInputNanos;

  /** Counts from now: a user who just opened the window is not idle. */
  public InputIdleSource(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastInputNanos = nanoTime.getAsLong();
  }

  /** An idle source fed by {@code scene}'s input events, on the system's monotonic clock. */
  public static InputIdleSource of(Scene scene) {
    InputIdleSource idle = new InputIdleSource(System::nanoTime);
    EventHandler<Event> touched = event -> idle.touched();
    // Filters, not handlers: a control that consumes the event still counts as use.
    scene.addEventFilter(KeyEvent.KEY_PRESSED, touched);
    scene.addEventFilter(MouseEvent.MOUSE_PRESSED, touched);
    scene.addEventFilter(MouseEvent.MOUSE_MOVED, touched);
    scene.addEventFilter(ScrollEvent.SCROLL, touched);
    return idle;
  }

  /** The user did something now. */
  public void touched() {
    lastInputNanos = nanoTime.getAsLong();
  }

  @Override
  public Duration idleTime() {
    return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - lastInputNanos));
  }
}

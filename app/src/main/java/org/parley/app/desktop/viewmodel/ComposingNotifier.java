package org.parley.app.desktop.viewmodel;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Sends our typing state (RFC 3994) while the user writes in the composer: "active" at the first
 * keystroke and again before the announced refresh interval runs out, "idle" after a pause in
 * typing, when the draft is emptied or another conversation is opened. Sending the message sends
 * nothing more: its arrival ends the peer's "typing" display (RFC 3994 §3.2). UI thread only.
 */
public final class ComposingNotifier {

  /** RFC 3994 §3.2's default idle timeout: no keystroke for this long means idle. */
  static final Duration IDLE_AFTER = Duration.ofSeconds(15);

  /** "Active" is resent after this, inside the 60 s refresh interval the document announces. */
  static final Duration ACTIVE_RESEND = Duration.ofSeconds(50);

  /** Runs a task on the UI thread after a delay. */
  @FunctionalInterface
  public interface Timer {
    /** Schedules {@code task}; the returned action cancels it. */
    Runnable schedule(Duration delay, Runnable task);
  }

  private final Messenger messenger;
  private final LongSupplier nanoTime;
  private final Timer timer;
  private String activePeer; // null while idle
  private long activeSentNanos;
  private Runnable cancelIdle = () -> {};

  public ComposingNotifier(Messenger messenger, LongSupplier nanoTime, Timer timer) {
    this.messenger = messenger;
    this.nanoTime = nanoTime;
    this.timer = timer;
  }

  /** The draft for {@code peerUri} is now {@code draft}. */
  public void edited(String peerUri, String draft) {
    if (peerUri.isEmpty()) {
      return;
    }
    if (draft.isEmpty()) {
      goIdle();
      return;
    }
    if (!peerUri.equals(activePeer)) {
      goIdle();
      sendActive(peerUri);
    } else if (nanoTime.getAsLong() - activeSentNanos >= ACTIVE_RESEND.toNanos()) {
      sendActive(peerUri);
    }
    cancelIdle.run();
    cancelIdle = timer.schedule(IDLE_AFTER, this::goIdle);
  }

  /** The draft was sent as a message: the peer treats that as the end of typing. */
  public void sent() {
    cancelIdle.run();
    activePeer = null;
  }

  /** The user left the conversation (opened another, or closed the chat). */
  public void left() {
    goIdle();
  }

  private void sendActive(String peerUri) {
    activePeer = peerUri;
    activeSentNanos = nanoTime.getAsLong();
    messenger.sendComposing(peerUri, true);
  }

  private void goIdle() {
    cancelIdle.run();
    if (activePeer != null) {
      String peer = activePeer;
      activePeer = null;
      messenger.sendComposing(peer, false);
    }
  }
}

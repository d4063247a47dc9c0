package org.parley.core.presence;

import java.time.Duration;
import org.parley.core.loop.EventLoop.Cancellable;

/**
 * Publishes "away" for a user who has been idle for a while and "available" again at their next
 * input. It only ever replaces "available": a user who chose busy, away or to appear offline keeps
 * that, and a user in a call is not made away (the call's "on the phone" is published anyway).
 */
public final class AutoAway implements AutoCloseable {

  /** How often idleness is checked: the delay between input and "available" is at most this. */
  static final int CHECK_SECONDS = 5;

  private final Presence presence;
  private final IdleSource idle;
  private final Duration idleLimit;
  private boolean madeAway; // on the loop
  private volatile Cancellable next;
  private volatile boolean closed;

  private AutoAway(Presence presence, IdleSource idle, Duration idleLimit) {
    this.presence = presence;
    this.idle = idle;
    this.idleLimit = idleLimit;
  }

  /**
   * Starts checking {@code idle} every few seconds on the presence's loop.
   *
   * @param idleLimit how long without input makes an available user away
   */
  public static AutoAway start(Presence presence, IdleSource idle, Duration idleLimit) {
    if (idleLimit.isNegative() || idleLimit.isZero()) {
      throw new IllegalArgumentException("The idle limit must be positive: " + idleLimit);
    }
    AutoAway autoAway = new AutoAway(presence, idle, idleLimit);
    autoAway.next = presence.schedule(CHECK_SECONDS, autoAway::check);
    return autoAway;
  }

  private void check() {
    if (closed) {
      return;
    }
    boolean idleNow = idle.idleTime().compareTo(idleLimit) >= 0;
    PresenceStatus chosen = presence.chosenStatus();
    if (madeAway && chosen != PresenceStatus.AWAY) {
      // The user chose a status while we had them away: theirs stands.
      madeAway = false;
    }
    if (!madeAway && idleNow && chosen == PresenceStatus.AVAILABLE && !presence.inCall()) {
      madeAway = true;
      presence.setStatus(PresenceStatus.AWAY);
    } else if (madeAway && !idleNow) {
      madeAway = false;
      presence.setStatus(PresenceStatus.AVAILABLE);
    }
    next = presence.schedule(CHECK_SECONDS, this::check);
  }

  /** Stops checking; a status we set stays until the user or another caller changes it. */
  @Override
  public void close() {
    closed = true;
    Cancellable pending = next;
    if (pending != null) {
      pending.cancel();
    }
  }
}

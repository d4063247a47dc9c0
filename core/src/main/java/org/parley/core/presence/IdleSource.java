package org.parley.core.presence;

import java.time.Duration;

/**
 * Tells the core how long the user has been away from the keyboard and mouse; the desktop feeds it
 * from input events on its windows.
 */
@FunctionalInterface
public interface IdleSource {

  /** How long since the user last pressed a key, clicked, scrolled or moved the pointer. */
  Duration idleTime();
}

package org.parley.core.testing;

import org.parley.core.presence.PresenceEvent;
import org.parley.core.presence.PresenceListener;

/** Collects an account's presence events so a test can wait for the one it expects. */
public final class PresenceEvents extends EventQueue<PresenceEvent> implements PresenceListener {

  @Override
  public void onPresenceEvent(PresenceEvent event) {
    collect(event);
  }
}

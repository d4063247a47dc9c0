package org.parley.core.presence;

/** Receives an account's presence events on the core's loop. */
@FunctionalInterface
public interface PresenceListener {
  void onPresenceEvent(PresenceEvent event);
}

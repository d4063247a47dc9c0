package org.parley.app.desktop.viewmodel;

import org.parley.core.presence.PresenceStatus;

/**
 * Publishes my status and watches buddies for the presence view-model; implemented over the core.
 */
public interface PresenceControl {

  /** Publishes the status the user chose (never {@link PresenceStatus#ON_THE_PHONE}). */
  void setStatus(PresenceStatus status);

  /** Watches {@code buddyUri}; its status arrives later as an event. Watching twice is harmless. */
  void watch(String buddyUri);
}

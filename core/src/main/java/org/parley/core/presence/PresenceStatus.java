package org.parley.core.presence;

/**
 * What a user's presence says, as the desktop shows it: PIDF basic status plus an RPID activity.
 */
public enum PresenceStatus {
  /** Online, no activity given (PIDF basic "open"). */
  AVAILABLE,
  /** Online but away from the desk (RPID "away"). */
  AWAY,
  /** Online, do not disturb (RPID "busy"). */
  BUSY,
  /** In a call (RPID "on-the-phone"); set by the core while a call is established. */
  ON_THE_PHONE,
  /** Offline, or appearing offline (PIDF basic "closed"). */
  OFFLINE
}

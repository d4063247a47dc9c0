package org.parley.core.sip;

/**
 * Session timers (RFC 4028) as we ask for and accept them.
 *
 * @param sessionExpiresSeconds the session interval we ask for in Session-Expires
 * @param minSeSeconds the smallest interval we accept (Min-SE); smaller requests get 422
 */
public record SessionTimerSettings(int sessionExpiresSeconds, int minSeSeconds) {

  /** RFC 4028 §4: no interval may be below 90 s. */
  public static final int ABSOLUTE_MINIMUM_SECONDS = 90;

  /** The RFC's recommended 30 minutes, and its 90 s floor as Min-SE. */
  public static final SessionTimerSettings DEFAULT = new SessionTimerSettings(1800, 90);

  public SessionTimerSettings {
    if (minSeSeconds < ABSOLUTE_MINIMUM_SECONDS) {
      throw new IllegalArgumentException("Min-SE must be at least 90 s, not " + minSeSeconds);
    }
    if (sessionExpiresSeconds < minSeSeconds) {
      throw new IllegalArgumentException("Session-Expires must not be below Min-SE");
    }
  }
}

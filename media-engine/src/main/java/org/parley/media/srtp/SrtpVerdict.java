package org.parley.media.srtp;

/** What became of one received SRTP or SRTCP packet; anything but ACCEPTED means drop it. */
public enum SrtpVerdict {
  /** Authenticated, fresh and decrypted. */
  ACCEPTED,
  /** The authentication tag did not match: altered in transit or keyed differently. */
  AUTHENTICATION_FAILED,
  /** Already received once: a replay (RFC 3711 §3.3.2). */
  REPLAYED,
  /** Older than the 64-packet replay window, so it cannot be told apart from a replay. */
  OUTSIDE_REPLAY_WINDOW,
  /** Too short or not version 2: not an SRTP packet at all. */
  MALFORMED,
  /** The cipher itself failed; logged, since it points at the JVM rather than the peer. */
  FAILED
}

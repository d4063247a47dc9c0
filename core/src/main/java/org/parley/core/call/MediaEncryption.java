package org.parley.core.call;

/** Whether an account's calls encrypt their audio with SRTP keyed by SDES (RFC 4568). */
public enum MediaEncryption {
  /** Plain RTP only: we offer RTP/AVP and refuse an RTP/SAVP offer. */
  NONE,
  /**
   * SRTP when the peer can: we offer RTP/AVP with {@code a=crypto} lines (best effort) and accept
   * plain and encrypted offers alike.
   */
  OPTIONAL,
  /** SRTP or no call: we offer RTP/SAVP and refuse any offer without a usable crypto line. */
  REQUIRED
}

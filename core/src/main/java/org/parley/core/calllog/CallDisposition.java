package org.parley.core.calllog;

/** How a call ended, as the call history shows it. */
public enum CallDisposition {
  /** Answered by either side and then ended normally. */
  ANSWERED,
  /** An incoming call nobody answered (the caller gave up or it timed out). */
  MISSED,
  /** Declined: 486 Busy Here or 603 Decline, by us or by the callee. */
  REJECTED,
  /** An outgoing call we cancelled before it was answered. */
  CANCELLED,
  /** It never connected: an error status, a timeout or a network failure. */
  FAILED
}

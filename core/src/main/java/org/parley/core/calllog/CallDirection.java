package org.parley.core.calllog;

/** Who started a call. */
public enum CallDirection {
  INCOMING,
  OUTGOING
}

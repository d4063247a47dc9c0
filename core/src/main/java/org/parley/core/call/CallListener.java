package org.parley.core.call;

/** Receives an account's call events on the core's loop. */
@FunctionalInterface
public interface CallListener {
  void onCallEvent(CallEvent event);
}

package org.parley.core.im;

/** Receives an account's message events on the core's loop. */
@FunctionalInterface
public interface MessageListener {
  void onMessageEvent(MessageEvent event);
}

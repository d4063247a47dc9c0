package org.parley.core.testing;

import org.parley.core.im.MessageEvent;
import org.parley.core.im.MessageListener;

/** Collects an account's message events so a test can wait for the next one of a kind. */
public final class MessageEvents extends EventQueue<MessageEvent> implements MessageListener {

  @Override
  public void onMessageEvent(MessageEvent event) {
    collect(event);
  }
}

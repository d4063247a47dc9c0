package org.parley.app.link;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where arguments for the desktop app wait (the first launch's links, and those later launches hand
 * over) until its window is ready to act on them; then they go straight through.
 */
public final class LinkInbox {

  private final List<List<String>> waiting = new ArrayList<>();
  private Consumer<List<String>> consumer;

  /** Takes one launch's arguments, from any thread. */
  public synchronized void deliver(List<String> arguments) {
    if (consumer == null) {
      waiting.add(List.copyOf(arguments));
    } else {
      consumer.accept(List.copyOf(arguments));
    }
  }

  /** Sends what waits, then everything that arrives later, to {@code target}. */
  public synchronized void drainTo(Consumer<List<String>> target) {
    consumer = target;
    waiting.forEach(target);
    waiting.clear();
  }
}

package org.parley.server.archfixture;

import org.parley.core.loop.EventLoop;

/**
 * A deliberate rule breaker for ArchitectureRulesTest: the server reaching into the client core.
 */
public final class ServerClassUsingCore {

  private ServerClassUsingCore() {}

  public static void run(EventLoop loop) {
    loop.execute(() -> {});
  }
}

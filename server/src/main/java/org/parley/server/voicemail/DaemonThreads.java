package org.parley.server.voicemail;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads for voicemail's executors, so a forgotten close never keeps the JVM up. */
public final class DaemonThreads {

  private DaemonThreads() {}

  /** A factory whose threads are daemons called {@code name}. */
  public static ThreadFactory named(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}

package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time (user + system) of the calling thread and of the whole JVM, and wall time, since it was
 * started: the thread's figure is the codec's own cost, the process's adds GC and JIT threads.
 */
final class CpuMeter {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean SYSTEM =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private final long threadStartNanos;
  private final long processStartNanos;
  private final long wallStartNanos;

  private CpuMeter() {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("This JVM cannot measure a thread's CPU time");
    }
    THREADS.setThreadCpuTimeEnabled(true);
    threadStartNanos = THREADS.getCurrentThreadCpuTime();
    processStartNanos = SYSTEM.getProcessCpuTime();
    wallStartNanos = System.nanoTime();
  }

  static CpuMeter start() {
    return new CpuMeter();
  }

  /** The time spent since {@link #start()}; call it on the thread that started the meter. */
  Reading stop() {
    return new Reading(
        THREADS.getCurrentThreadCpuTime() - threadStartNanos,
        SYSTEM.getProcessCpuTime() - processStartNanos,
        System.nanoTime() - wallStartNanos);
  }

  /** Nanoseconds of one measured stretch. */
  record Reading(long threadCpuNanos, long processCpuNanos, long wallNanos) {}
}

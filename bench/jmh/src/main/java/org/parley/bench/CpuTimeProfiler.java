package org.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler ({@code -prof org.parley.bench.CpuTimeProfiler}) adding the CPU time (user +
 * system) per operation of the benchmark's worker threads, and of the whole JVM, to each result.
 *
 * <p>JMH's scores are wall time, which on a shared, overloaded machine mostly measures how long the
 * thread waited for a core; CPU time counts only the work, so it stays usable there (contention for
 * caches and hyperthreads still inflates it somewhat).
 */
public final class CpuTimeProfiler implements InternalProfiler {

  private static final String WORKER_NAME_PART = "jmh-worker";

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final com.sun.management.OperatingSystemMXBean system =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private Map<Long, Long> workerStartNanos = Map.of();
  private long processStartNanos;

  @Override
  public String getDescription() {
    return "CPU time per operation: the benchmark threads' and the whole JVM's";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    threads.setThreadCpuTimeEnabled(true);
    workerStartNanos = workerCpuNanos();
    processStartNanos = system.getProcessCpuTime();
  }

  @Override
  public List<Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long processNanos = system.getProcessCpuTime() - processStartNanos;
    long workerNanos = 0;
    for (Map.Entry<Long, Long> worker : workerCpuNanos().entrySet()) {
      workerNanos += worker.getValue() - workerStartNanos.getOrDefault(worker.getKey(), 0L);
    }
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(
        new ScalarResult("cpu.worker", workerNanos / 1e3 / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.process", processNanos / 1e3 / ops, "us/op", AggregationPolicy.AVG));
  }

  /** CPU time so far of each live JMH worker thread, by thread id. */
  private Map<Long, Long> workerCpuNanos() {
    Map<Long, Long> cpu = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(WORKER_NAME_PART)) {
        long nanos = threads.getThreadCpuTime(info.getThreadId());
        if (nanos >= 0) {
          cpu.put(info.getThreadId(), nanos);
        }
      }
    }
    return cpu;
  }
}

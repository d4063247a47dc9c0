package org.parley.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.core.calllog.CallLog;
import org.parley.core.calllog.CallRecord;

/** A call log in memory that lets a test wait for the next record written. */
public final class MemoryCallLog implements CallLog {

  private final AtomicLong ids = new AtomicLong();
  private final List<CallRecord> records = new ArrayList<>();
  private final BlockingQueue<CallRecord> added = new LinkedBlockingQueue<>();

  @Override
  public synchronized CallRecord add(CallRecord call) {
    CallRecord stored = call.withId(ids.incrementAndGet());
    records.add(0, stored);
    added.add(stored);
    return stored;
  }

  @Override
  public synchronized List<CallRecord> recent(int limit) {
    return List.copyOf(records.subList(0, Math.min(limit, records.size())));
  }

  @Override
  public synchronized void clear() {
    records.clear();
  }

  /** The next record written, within ten seconds. */
  public CallRecord next() throws InterruptedException {
    CallRecord record = added.poll(10, TimeUnit.SECONDS);
    if (record == null) {
      throw new AssertionError("No call record written within 10 s");
    }
    return record;
  }
}

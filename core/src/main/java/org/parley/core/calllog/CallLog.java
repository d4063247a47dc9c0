package org.parley.core.calllog;

import java.util.List;

/** The local call history: every call the softphone made or received. Thread-safe. */
public interface CallLog {

  /**
   * Adds a finished call.
   *
   * @return the record with its id
   * @throws CallLogException when it cannot be stored
   */
  CallRecord add(CallRecord call);

  /** The newest calls first, at most {@code limit}. */
  List<CallRecord> recent(int limit);

  /** Forgets every call. */
  void clear();
}

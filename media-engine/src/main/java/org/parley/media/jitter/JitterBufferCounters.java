package org.parley.media.jitter;

/** The running counters behind {@link JitterBufferStatistics}; guarded by the buffer's lock. */
final class JitterBufferCounters {
  long received;
  long late;
  long duplicate;
  long lost;
  long concealed;
  long recovered;
  long played;
  long compressed;
  long stretched;
  long resynchronisations;

  JitterBufferStatistics snapshot(double currentDelayMillis, double targetDelayMillis) {
    return new JitterBufferStatistics(
        received,
        late,
        duplicate,
        lost,
        concealed,
        recovered,
        played,
        compressed,
        stretched,
        resynchronisations,
        currentDelayMillis,
        targetDelayMillis);
  }
}

package org.parley.media.recording;

/**
 * A bounded first-in first-out ring of mono samples between one producer thread and the recorder's
 * writer; when full, the oldest samples give way so memory stays fixed.
 */
final class SampleFifo {

  private final short[] ring;
  private int head;
  private int size;
  private long droppedSamples;

  SampleFifo(int capacitySamples) {
    if (capacitySamples <= 0) {
      throw new IllegalArgumentException("capacity must be positive: " + capacitySamples);
    }
    ring = new short[capacitySamples];
  }

  /** Appends samples, discarding the oldest ones that no longer fit. */
  synchronized void push(short[] samples, int count) {
    int start = 0;
    if (count > ring.length) {
      start = count - ring.length;
      droppedSamples += start;
    }
    int overflow = size + (count - start) - ring.length;
    if (overflow > 0) {
      head = (head + overflow) % ring.length;
      size -= overflow;
      droppedSamples += overflow;
    }
    for (int i = start; i < count; i++) {
      ring[(head + size) % ring.length] = samples[i];
      size++;
    }
  }

  /** Moves up to {@code count} samples into {@code out}; returns how many there were. */
  synchronized int pop(short[] out, int count) {
    int taken = Math.min(count, size);
    for (int i = 0; i < taken; i++) {
      out[i] = ring[(head + i) % ring.length];
    }
    head = (head + taken) % ring.length;
    size -= taken;
    return taken;
  }

  synchronized void clear() {
    head = 0;
    size = 0;
  }

  synchronized int size() {
    return size;
  }

  synchronized long droppedSamples() {
    return droppedSamples;
  }
}

package org.parley.media.jitter;

import java.util.Arrays;

/** Decoded PCM waiting to be played (NetEQ's "sync buffer"): a growable FIFO of samples. */
final class SampleQueue {

  private short[] samples;
  private int head;
  private int tail;

  SampleQueue(int initialCapacity) {
    samples = new short[Math.max(16, initialCapacity)];
  }

  int size() {
    return tail - head;
  }

  void append(short[] source, int count) {
    ensureRoom(count);
    System.arraycopy(source, 0, samples, tail, count);
    tail += count;
  }

  /** Moves up to {@code count} samples into {@code target[offset..]}; returns how many. */
  int take(short[] target, int offset, int count) {
    int n = Math.min(count, size());
    System.arraycopy(samples, head, target, offset, n);
    head += n;
    return n;
  }

  /** A copy of the first {@code count} samples. */
  short[] peek(int count) {
    return Arrays.copyOfRange(samples, head, head + count);
  }

  /** Replaces the first {@code oldCount} samples by {@code replacement[0..newCount)}. */
  void replaceFront(int oldCount, short[] replacement, int newCount) {
    int rest = size() - oldCount;
    short[] remaining = Arrays.copyOfRange(samples, head + oldCount, tail);
    head = 0;
    tail = 0;
    ensureRoom(newCount + rest);
    System.arraycopy(replacement, 0, samples, 0, newCount);
    System.arraycopy(remaining, 0, samples, newCount, rest);
    tail = newCount + rest;
  }

  private void ensureRoom(int count) {
    if (tail + count <= samples.length) {
      return;
    }
    int size = size();
    if (size + count > samples.length / 2) {
      samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + count) * 2);
    }
    System.arraycopy(samples, head, samples, 0, size);
    head = 0;
    tail = size;
  }
}

package org.parley.core.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.parley.media.audio.AudioSink;

/** Keeps everything a call plays, so a test can wait for enough of it and check the tones. */
public final class RecordingSink implements AudioSink {

  private final int rateHz;
  private short[] samples = new short[0];
  private int length;
  private int loudFrom = -1;

  public RecordingSink(int rateHz) {
    this.rateHz = rateHz;
  }

  @Override
  public int sampleRateHz() {
    return rateHz;
  }

  @Override
  public synchronized void write(short[] frame, int sampleCount) {
    if (length + sampleCount > samples.length) {
      samples = Arrays.copyOf(samples, Math.max(2 * samples.length, length + sampleCount));
    }
    System.arraycopy(frame, 0, samples, length, sampleCount);
    for (int i = 0; i < sampleCount && loudFrom < 0; i++) {
      if (Math.abs(frame[i]) > 3000) {
        loudFrom = length + i;
      }
    }
    length += sampleCount;
    notifyAll();
  }

  /** Waits until {@code millis} of audio arrived after the first loud sample. */
  public synchronized void awaitAfterSound(int millis, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    int wanted = rateHz * millis / 1000;
    while (loudFrom < 0 || length - loudFrom < wanted) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError(
            "Only "
                + (loudFrom < 0 ? "silence" : (length - loudFrom) + " samples of sound")
                + " within "
                + timeoutMillis
                + " ms");
      }
      wait(left);
    }
  }

  /**
   * Waits until {@code count} tones were heard, found as runs ({@link ToneSequence#toneRunsIn}) so
   * that a jitter buffer stretching the timeline on a loaded machine only makes the wait longer,
   * and returns them; a wrong tone is returned too, for the caller's assertion to name.
   */
  public synchronized List<Double> awaitToneRuns(int count, long timeoutMillis)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    List<Double> tones = ToneSequence.toneRunsIn(Arrays.copyOf(samples, length), rateHz);
    while (tones.size() < count) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new AssertionError(
            "Heard only " + tones + " within " + timeoutMillis + " ms, wanted " + count + " tones");
      }
      wait(left);
      tones = ToneSequence.toneRunsIn(Arrays.copyOf(samples, length), rateHz);
    }
    return tones;
  }

  public synchronized short[] samples() {
    return Arrays.copyOf(samples, length);
  }
}

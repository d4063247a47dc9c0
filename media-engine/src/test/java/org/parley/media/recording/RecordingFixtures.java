package org.parley.media.recording;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.parley.media.audio.AudioSink;

/** A settable clock, a sink that keeps what it is given, and a Goertzel tone detector. */
final class RecordingFixtures {

  private RecordingFixtures() {}

  /** A monotonic clock the test moves by hand. */
  static final class ManualClock implements LongSupplier {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

    void advanceMillis(long millis) {
      nanos.addAndGet(millis * 1_000_000L);
    }

    @Override
    public long getAsLong() {
      return nanos.get();
    }
  }

  /** Collects every sample written, interleaved as given. */
  static final class CollectingSink implements AudioSink {
    private final int sampleRateHz;
    private final int channels;
    private short[] samples = new short[0];
    private volatile boolean closed;

    CollectingSink(int sampleRateHz, int channels) {
      this.sampleRateHz = sampleRateHz;
      this.channels = channels;
    }

    @Override
    public int sampleRateHz() {
      return sampleRateHz;
    }

    @Override
    public int channels() {
      return channels;
    }

    @Override
    public synchronized void write(short[] frame, int sampleCount) {
      int start = samples.length;
      samples = Arrays.copyOf(samples, start + sampleCount);
      System.arraycopy(frame, 0, samples, start, sampleCount);
    }

    @Override
    public void close() {
      closed = true;
    }

    synchronized short[] samples() {
      return samples.clone();
    }

    boolean isClosed() {
      return closed;
    }
  }

  /** One channel of interleaved stereo. */
  static short[] channel(short[] stereo, int channel) {
    short[] mono = new short[stereo.length / 2];
    for (int i = 0; i < mono.length; i++) {
      mono[i] = stereo[2 * i + channel];
    }
    return mono;
  }

  /** Mean power of the {@code frequencyHz} component (Goertzel), full-scale sine = 0.25. */
  static double tonePower(short[] samples, int from, int to, int sampleRateHz, double frequencyHz) {
    double coefficient = 2 * Math.cos(2 * Math.PI * frequencyHz / sampleRateHz);
    double previous = 0;
    double beforePrevious = 0;
    for (int i = from; i < to; i++) {
      double current = samples[i] / 32768.0 + coefficient * previous - beforePrevious;
      beforePrevious = previous;
      previous = current;
    }
    double power =
        previous * previous
            + beforePrevious * beforePrevious
            - coefficient * previous * beforePrevious;
    double n = to - from;
    return power / (n * n);
  }

  /** The longest run of exact zeros between {@code from} and {@code to}. */
  static int longestSilence(short[] samples, int from, int to) {
    int longest = 0;
    int run = 0;
    for (int i = from; i < to; i++) {
      run = samples[i] == 0 ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}

package org.parley.media.recording;

import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.parley.media.audio.AudioSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records both directions of a call into one {@link AudioSink}: mixed into one channel when the
 * sink is mono, or local (microphone) on the left and remote (decoded) on the right when it is
 * stereo. Recording can start and stop at any point of the call.
 *
 * <p>The two sides arrive on their own threads with their own timing, so each goes into a bounded
 * FIFO and a writer lays them on one clock: every period it takes one period of samples from each
 * side, running {@code latencyMillis} behind the clock so ordinary jitter finds its samples
 * waiting. A side that sent nothing for a period gets silence there; a side that runs ahead by more
 * than the FIFO holds loses its oldest samples. Both sides must deliver mono PCM at the recorder's
 * sample rate. Producers only copy into the FIFO; the sink is written on the writer's thread.
 */
public final class CallRecorder {

  /** The writer's period. */
  public static final int PERIOD_MILLIS = 20;

  /** How far the writer runs behind the clock, absorbing this much jitter per side. */
  public static final int DEFAULT_LATENCY_MILLIS = 100;

  /** The most audio a side may buffer before its oldest samples are dropped. */
  public static final int DEFAULT_MAX_BUFFER_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(CallRecorder.class);
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final int sampleRateHz;
  private final long latencyNanos;
  private final LongSupplier nanoClock;
  private final int periodSamples;
  private final SampleFifo local;
  private final SampleFifo remote;
  private final short[] localPeriod;
  private final short[] remotePeriod;
  private final Object lock = new Object();

  private volatile boolean recording;
  private AudioSink sink;
  private short[] output;
  private long startNanos;
  private long writtenFrames;
  private ScheduledFuture<?> writer;

  /** A recorder on the system's monotonic clock with the default latency and buffer bound. */
  public CallRecorder(int sampleRateHz) {
    this(sampleRateHz, DEFAULT_LATENCY_MILLIS, DEFAULT_MAX_BUFFER_MILLIS, System::nanoTime);
  }

  /**
   * Creates a recorder.
   *
   * @param sampleRateHz the rate both sides deliver and the sink takes
   * @param latencyMillis how far behind the clock the writer runs
   * @param maxBufferMillis the most audio each side may hold, at least the latency plus a period
   * @param nanoClock a monotonic clock in nanoseconds
   */
  public CallRecorder(
      int sampleRateHz, int latencyMillis, int maxBufferMillis, LongSupplier nanoClock) {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRateHz);
    }
    if (latencyMillis < 0 || maxBufferMillis < latencyMillis + PERIOD_MILLIS) {
      throw new IllegalArgumentException(
          "need 0 <= latency and buffer >= latency + " + PERIOD_MILLIS + " ms");
    }
    this.sampleRateHz = sampleRateHz;
    this.latencyNanos = latencyMillis * 1_000_000L;
    this.nanoClock = nanoClock;
    this.periodSamples = sampleRateHz * PERIOD_MILLIS / 1000;
    int capacity = (int) ((long) sampleRateHz * maxBufferMillis / 1000);
    this.local = new SampleFifo(capacity);
    this.remote = new SampleFifo(capacity);
    this.localPeriod = new short[periodSamples];
    this.remotePeriod = new short[periodSamples];
  }

  /** Takes microphone-side samples; ignored unless recording. Safe from any one thread. */
  public void acceptLocal(short[] frame, int sampleCount) {
    if (recording) {
      local.push(frame, sampleCount);
    }
  }

  /** Takes remote-side (decoded) samples; ignored unless recording. Safe from any one thread. */
  public void acceptRemote(short[] frame, int sampleCount) {
    if (recording) {
      remote.push(frame, sampleCount);
    }
  }

  /**
   * Starts recording into {@code sink}, writing on {@code scheduler} every {@link #PERIOD_MILLIS}.
   *
   * @throws IllegalStateException if already recording
   * @throws IllegalArgumentException if the sink's rate or channel count does not fit
   */
  public void start(AudioSink sink, ScheduledExecutorService scheduler) {
    synchronized (lock) {
      begin(sink);
      writer =
          scheduler.scheduleAtFixedRate(
              this::writeDueSafely, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Stops recording: writes the audio up to now, so the recording lasts exactly from start to stop,
   * and closes the sink. Stopping when not recording does nothing.
   */
  public void stop() {
    synchronized (lock) {
      if (!recording) {
        return;
      }
      if (writer != null) {
        writer.cancel(false);
        writer = null;
      }
      try {
        writeUpTo(elapsedFrames(nanoClock.getAsLong() - startNanos));
      } finally {
        finish();
      }
    }
  }

  public boolean isRecording() {
    return recording;
  }

  /** Samples per channel written since the current or last recording started. */
  public long writtenFrames() {
    synchronized (lock) {
      return writtenFrames;
    }
  }

  /** Samples dropped because a side ran further ahead than its buffer, both sides together. */
  public long droppedSamples() {
    return local.droppedSamples() + remote.droppedSamples();
  }

  /** Starts without a scheduler; the caller drives {@link #writeDue()}. */
  void begin(AudioSink newSink) {
    synchronized (lock) {
      if (recording) {
        throw new IllegalStateException("already recording");
      }
      if (newSink.sampleRateHz() != sampleRateHz) {
        throw new IllegalArgumentException(
            "sink runs at " + newSink.sampleRateHz() + " Hz, recorder at " + sampleRateHz);
      }
      if (newSink.channels() != 1 && newSink.channels() != 2) {
        throw new IllegalArgumentException("sink must be mono or stereo");
      }
      sink = newSink;
      output = new short[periodSamples * newSink.channels()];
      local.clear();
      remote.clear();
      writtenFrames = 0;
      startNanos = nanoClock.getAsLong();
      recording = true;
    }
  }

  /** Writes every period that is due, {@code latency} behind the clock. */
  void writeDue() {
    synchronized (lock) {
      if (recording) {
        long elapsed = nanoClock.getAsLong() - startNanos - latencyNanos;
        long due = elapsedFrames(elapsed);
        writeUpTo(due - due % periodSamples);
      }
    }
  }

  private void writeDueSafely() {
    try {
      writeDue();
    } catch (RuntimeException e) {
      // The writer is a thread root: a full disk must end the recording, not the call.
      LOG.error("Call recording failed and was stopped", e);
      synchronized (lock) {
        if (writer != null) {
          writer.cancel(false);
          writer = null;
        }
        finish();
      }
    }
  }

  private long elapsedFrames(long elapsedNanos) {
    return elapsedNanos <= 0 ? 0 : elapsedNanos * sampleRateHz / NANOS_PER_SECOND;
  }

  private void writeUpTo(long targetFrames) {
    while (writtenFrames < targetFrames) {
      int count = (int) Math.min(periodSamples, targetFrames - writtenFrames);
      // Whatever a side did not deliver in time stays zero: silence keeps the sides aligned.
      Arrays.fill(localPeriod, local.pop(localPeriod, count), count, (short) 0);
      Arrays.fill(remotePeriod, remote.pop(remotePeriod, count), count, (short) 0);
      if (sink.channels() == 2) {
        for (int i = 0; i < count; i++) {
          output[2 * i] = localPeriod[i];
          output[2 * i + 1] = remotePeriod[i];
        }
        sink.write(output, 2 * count);
      } else {
        for (int i = 0; i < count; i++) {
          int sum = localPeriod[i] + remotePeriod[i];
          output[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
        }
        sink.write(output, count);
      }
      writtenFrames += count;
    }
  }

  private void finish() {
    recording = false;
    local.clear();
    remote.clear();
    AudioSink closing = sink;
    sink = null;
    try {
      closing.close();
    } catch (RuntimeException e) {
      LOG.warn("Closing the call recording's sink failed; the file may be incomplete", e);
    }
  }
}

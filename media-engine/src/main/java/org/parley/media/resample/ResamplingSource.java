package org.parley.media.resample;

import org.parley.media.audio.AudioSource;

/**
 * A mono {@link AudioSource} seen at another rate, such as a 44.1 kHz microphone read in 16 kHz
 * frames for G.722. Frames have the caller's size whatever the ratio; the remainder of each
 * conversion waits for the next read. Not thread-safe.
 */
public final class ResamplingSource implements AudioSource {

  private final AudioSource upstream;
  private final PolyphaseResampler resampler;
  private short[] input = new short[0];
  private short[] pending = new short[0];
  private int pendingCount;
  private boolean upstreamEnded;

  /**
   * @param outputRateHz the rate of the frames {@link #read} gives
   */
  public ResamplingSource(AudioSource upstream, int outputRateHz) {
    if (upstream.channels() != 1) {
      throw new IllegalArgumentException(
          "Resampling is mono; the source has " + upstream.channels());
    }
    this.upstream = upstream;
    this.resampler = new PolyphaseResampler(upstream.sampleRateHz(), outputRateHz);
  }

  @Override
  public int sampleRateHz() {
    return resampler.outputRateHz();
  }

  @Override
  public int read(short[] frame) {
    while (pendingCount < frame.length && !upstreamEnded) {
      pull(frame.length - pendingCount);
    }
    if (pendingCount == 0 && upstreamEnded) {
      return -1;
    }
    int count = Math.min(frame.length, pendingCount);
    System.arraycopy(pending, 0, frame, 0, count);
    System.arraycopy(pending, count, pending, 0, pendingCount - count);
    pendingCount -= count;
    return count;
  }

  /** What the upstream source skipped, counted at this source's rate. */
  @Override
  public long droppedSamples() {
    return upstream.droppedSamples() * resampler.outputRateHz() / resampler.inputRateHz();
  }

  /** Reads enough upstream samples for about {@code wanted} more output samples. */
  private void pull(int wanted) {
    long inputNeeded =
        ((long) wanted * resampler.inputRateHz() + resampler.outputRateHz() - 1)
            / resampler.outputRateHz();
    int size = (int) Math.max(1, inputNeeded);
    if (input.length != size) {
      input = new short[size];
    }
    int read = upstream.read(input);
    if (read < 0) {
      upstreamEnded = true;
      return;
    }
    if (read < size) {
      upstreamEnded = true; // a short read marks the end of a finite source
    }
    int produced = resampler.outputSamplesFor(read);
    if (pending.length < pendingCount + produced) {
      short[] grown = new short[pendingCount + produced];
      System.arraycopy(pending, 0, grown, 0, pendingCount);
      pending = grown;
    }
    pendingCount += resampler.process(input, 0, read, pending, pendingCount);
  }

  @Override
  public void close() {
    upstream.close();
  }
}

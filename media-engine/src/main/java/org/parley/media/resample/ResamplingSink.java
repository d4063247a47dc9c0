package org.parley.media.resample;

import org.parley.media.audio.AudioSink;

/**
 * An {@link AudioSink} at one rate in front of a mono sink at another, such as a 48 kHz decoder's
 * output in front of a 44.1 kHz speaker. Not thread-safe.
 */
public final class ResamplingSink implements AudioSink {

  private final AudioSink downstream;
  private final PolyphaseResampler resampler;
  private short[] converted = new short[0];

  /**
   * @param inputRateHz the rate of the frames this sink takes
   */
  public ResamplingSink(int inputRateHz, AudioSink downstream) {
    if (downstream.channels() != 1) {
      throw new IllegalArgumentException(
          "Resampling is mono; the sink has " + downstream.channels());
    }
    this.downstream = downstream;
    this.resampler = new PolyphaseResampler(inputRateHz, downstream.sampleRateHz());
  }

  @Override
  public int sampleRateHz() {
    return resampler.inputRateHz();
  }

  @Override
  public void write(short[] frame, int sampleCount) {
    int needed = resampler.outputSamplesFor(sampleCount);
    if (converted.length < needed) {
      converted = new short[needed];
    }
    int written = resampler.process(frame, 0, sampleCount, converted, 0);
    if (written > 0) {
      downstream.write(converted, written);
    }
  }

  @Override
  public void close() {
    downstream.close();
  }
}

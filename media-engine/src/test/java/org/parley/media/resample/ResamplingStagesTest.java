package org.parley.media.resample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.source.ToneSource;
import org.parley.media.testing.Spectrum;

class ResamplingStagesTest {

  @Test
  void aSourceAt44100IsReadInTwentyMillisecondFramesAt16000() {
    ResamplingSource source = new ResamplingSource(new ToneSource(1000, 44_100, 0.3), 16_000);
    assertThat(source.sampleRateHz()).isEqualTo(16_000);
    short[] all = new short[16_000];
    short[] frame = new short[320];
    for (int offset = 0; offset < all.length; offset += 320) {
      assertThat(source.read(frame)).isEqualTo(320);
      System.arraycopy(frame, 0, all, offset, 320);
    }
    assertThat(Spectrum.dominantHz(all, 3_200, 8_000, 16_000, 100, 7_000, 5))
        .isCloseTo(1000, within(5.0));
    assertThat(Spectrum.amplitude(all, 3_200, 8_000, 16_000, 1000))
        .isCloseTo(0.3 * Short.MAX_VALUE, within(0.3 * Short.MAX_VALUE * 0.01));
  }

  @Test
  void aFiniteSourceEndsWithAShortFrameThenMinusOne() {
    AudioSource finite = new FiniteSource(new short[800], 8_000);
    ResamplingSource source = new ResamplingSource(finite, 16_000);
    short[] frame = new short[320];
    int total = 0;
    int read;
    while ((read = source.read(frame)) > 0) {
      total += read;
    }
    assertThat(read).isEqualTo(-1);
    assertThat(total).isEqualTo(1_600);
  }

  @Test
  void aSinkAt48000FeedsA16000SinkWithTheSameTone() {
    Capture capture = new Capture(16_000);
    try (ResamplingSink sink = new ResamplingSink(48_000, capture)) {
      assertThat(sink.sampleRateHz()).isEqualTo(48_000);
      short[] tone = Spectrum.toneSequence(48_000, 48_000, 10_000, 1_200);
      for (int offset = 0; offset < tone.length; offset += 960) {
        sink.write(Arrays.copyOfRange(tone, offset, offset + 960), 960);
      }
    }
    assertThat(capture.closed).isTrue();
    assertThat(capture.count).isEqualTo(16_000);
    assertThat(Spectrum.dominantHz(capture.pcm, 1_600, 8_000, 16_000, 100, 7_000, 5))
        .isCloseTo(1_200, within(5.0));
  }

  private static final class FiniteSource implements AudioSource {
    private final short[] samples;
    private final int rateHz;
    private int position;

    FiniteSource(short[] samples, int rateHz) {
      this.samples = samples;
      this.rateHz = rateHz;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public int read(short[] frame) {
      if (position >= samples.length) {
        return -1;
      }
      int count = Math.min(frame.length, samples.length - position);
      System.arraycopy(samples, position, frame, 0, count);
      position += count;
      return count;
    }
  }

  private static final class Capture implements AudioSink {
    final short[] pcm = new short[100_000];
    final int rateHz;
    int count;
    boolean closed;

    Capture(int rateHz) {
      this.rateHz = rateHz;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      System.arraycopy(frame, 0, pcm, count, sampleCount);
      count += sampleCount;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

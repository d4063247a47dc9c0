package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.testing.Spectrum;

class OggOpusFileSinkTest {

  private static final double[] TONES_HZ = {400, 800, 1200, 1600};

  @TempDir Path dir;

  @Test
  void monoToneSequenceReadsBackWithEachToneInItsSegment() throws Exception {
    Path file = dir.resolve("call.opus");
    short[] input = Spectrum.toneSequence(16_000, 3_200, 12_000, TONES_HZ);
    try (OggOpusFileSink sink = new OggOpusFileSink(file, 16_000)) {
      // Uneven frame sizes: the sink must buffer up to Opus's own frames.
      int offset = 0;
      int[] sizes = {320, 7, 160, 333, 1};
      for (int i = 0; offset < input.length; i++) {
        int size = Math.min(sizes[i % sizes.length], input.length - offset);
        short[] frame = new short[size];
        System.arraycopy(input, offset, frame, 0, size);
        sink.write(frame, size);
        offset += size;
      }
    }

    assertThat(new String(Files.readAllBytes(file), 0, 4, "US-ASCII")).isEqualTo("OggS");
    Decoded decoded = readBack(file);
    assertThat(decoded.channels).isEqualTo(1);
    assertThat(decoded.sampleRateHz).isEqualTo(48_000);
    assertThat(decoded.pcm.length).isBetween(48_000 * 8 / 10 - 960, 48_000 * 8 / 10 + 1_920);
    for (int segment = 0; segment < TONES_HZ.length; segment++) {
      int from = segment * 9_600 + 2_400;
      assertThat(Spectrum.dominantHz(decoded.pcm, from, 4_800, 48_000, 100, 4_000, 10))
          .as("segment %d", segment)
          .isCloseTo(TONES_HZ[segment], within(10.0));
    }
  }

  @Test
  void stereoKeepsLeftAndRightApart() throws Exception {
    Path file = dir.resolve("stereo.opus");
    short[] left = Spectrum.toneSequence(48_000, 24_000, 10_000, 500);
    short[] right = Spectrum.toneSequence(48_000, 24_000, 10_000, 1_500);
    try (OggOpusFileSink sink = new OggOpusFileSink(file, 48_000, 2, 32_000)) {
      short[] frame = new short[960 * 2];
      for (int offset = 0; offset < left.length; offset += 960) {
        for (int i = 0; i < 960; i++) {
          frame[2 * i] = left[offset + i];
          frame[2 * i + 1] = right[offset + i];
        }
        sink.write(frame, frame.length);
      }
    }

    Decoded decoded = readBack(file);
    assertThat(decoded.channels).isEqualTo(2);
    short[] outLeft = Spectrum.channel(decoded.pcm, 2, 0);
    short[] outRight = Spectrum.channel(decoded.pcm, 2, 1);
    assertThat(Spectrum.dominantHz(outLeft, 4_800, 9_600, 48_000, 100, 4_000, 10))
        .isCloseTo(500, within(10.0));
    assertThat(Spectrum.dominantHz(outRight, 4_800, 9_600, 48_000, 100, 4_000, 10))
        .isCloseTo(1_500, within(10.0));
  }

  @Test
  void writingAfterCloseFailsAndClosingTwiceIsHarmless() {
    OggOpusFileSink sink = new OggOpusFileSink(dir.resolve("closed.opus"), 8_000);
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.write(new short[160], 160))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFileThatCannotBeCreatedFailsClearly() {
    Path impossible = dir.resolve("missing-folder").resolve("x.opus");
    assertThatThrownBy(() -> new OggOpusFileSink(impossible, 16_000))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("x.opus");
  }

  private record Decoded(short[] pcm, int channels, int sampleRateHz) {}

  private static Decoded readBack(Path file) throws FrameGrabber.Exception {
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
      grabber.setSampleMode(FrameGrabber.SampleMode.SHORT);
      grabber.start();
      ShortBuffer all = ShortBuffer.allocate(48_000 * 2 * 10);
      Frame frame;
      while ((frame = grabber.grabSamples()) != null) {
        all.put((ShortBuffer) frame.samples[0]);
      }
      short[] pcm = new short[all.position()];
      all.flip().get(pcm);
      return new Decoded(pcm, grabber.getAudioChannels(), grabber.getSampleRate());
    }
  }
}

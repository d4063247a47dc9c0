package org.parley.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.parley.core.testing.ToneSequence;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/** WAV files of a {@link ToneSequence} for {@code --play}, and the tones found in a recording. */
final class ToneFiles {

  private ToneFiles() {}

  /** Writes all of {@code tones} (8 kHz mono) to {@code file}. */
  static Path writeWav(Path file, ToneSequence tones) throws IOException {
    short[] pcm =
        new short
            [ToneSequence.RATE_HZ * ToneSequence.SEGMENT_MILLIS / 1000 * tones.tonesHz().length];
    tones.read(pcm);
    try (WavFileSink sink = WavFileSink.create(file, ToneSequence.RATE_HZ, 1)) {
      sink.write(pcm, pcm.length);
    }
    return file;
  }

  /** The tones in a recording in the order they sound ({@link ToneSequence#toneRunsIn}). */
  static List<Double> toneRuns(Path wav) throws IOException {
    try (WavFileSource source = WavFileSource.open(wav)) {
      short[] pcm = new short[(int) source.frameCount()];
      source.read(pcm);
      return ToneSequence.toneRunsIn(pcm, source.sampleRateHz());
    }
  }
}

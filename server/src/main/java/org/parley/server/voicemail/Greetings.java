package org.parley.server.voicemail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.parley.media.wav.WavFileException;
import org.parley.media.wav.WavFileSource;

/** Reads and checks greeting files: 16-bit PCM WAV, 8 kHz mono, one minute at most. */
final class Greetings {

  private Greetings() {}

  static void check(WavFileSource source) throws WavFileException {
    if (source.sampleRateHz() != DefaultGreeting.RATE_HZ || source.channels() != 1) {
      throw new WavFileException(
          "a greeting must be 8000 Hz mono, not "
              + source.sampleRateHz()
              + " Hz with "
              + source.channels()
              + " channels");
    }
    long maxFrames = (long) DefaultGreeting.RATE_HZ * Mailboxes.MAX_GREETING_SECONDS;
    if (source.frameCount() > maxFrames) {
      throw new WavFileException(
          "a greeting may be at most " + Mailboxes.MAX_GREETING_SECONDS + " seconds long");
    }
    if (source.frameCount() == 0) {
      throw new WavFileException("the greeting holds no audio");
    }
  }

  static short[] read(Path file) throws IOException {
    try (WavFileSource source = WavFileSource.open(file)) {
      check(source);
    }
    return readPcm(file);
  }

  /** Every sample of an 8 kHz mono WAV file (a recorded message, or a checked greeting). */
  static short[] readPcm(Path file) throws IOException {
    try (WavFileSource source = WavFileSource.open(file)) {
      if (source.sampleRateHz() != DefaultGreeting.RATE_HZ || source.channels() != 1) {
        throw new WavFileException("not 8000 Hz mono: " + file.getFileName());
      }
      short[] pcm = new short[(int) source.frameCount()];
      short[] frame = new short[160];
      int total = 0;
      int read;
      while (total < pcm.length && (read = source.read(frame)) > 0) {
        int count = Math.min(read, pcm.length - total);
        System.arraycopy(frame, 0, pcm, total, count);
        total += count;
      }
      return Arrays.copyOf(pcm, total);
    }
  }
}

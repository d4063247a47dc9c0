package org.parley.core.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.parley.core.testing.ToneSequence;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/**
 * WAV files for peers that play and record files (baresip's {@code aufile} and {@code sndfile}): a
 * {@link ToneSequence} written out after a lead-in of silence, and a recording read back whole.
 */
final class ToneWav {

  private ToneWav() {}

  /**
   * Writes {@code leadInMillis} of silence, the tones, then silence up to {@code totalSeconds},
   * mono 16-bit at {@link ToneSequence#RATE_HZ}. The lead-in keeps the first tone clear of call
   * set-up; the trailing silence keeps the peer's file source from running dry during the call.
   */
  static Path write(Path file, int leadInMillis, double totalSeconds, double... tonesHz)
      throws IOException {
    int rateHz = ToneSequence.RATE_HZ;
    short[] pcm = new short[(int) Math.round(totalSeconds * rateHz)];
    int leadIn = rateHz * leadInMillis / 1000;
    short[] tones = new short[rateHz * ToneSequence.SEGMENT_MILLIS / 1000 * tonesHz.length];
    new ToneSequence(tonesHz).read(tones);
    System.arraycopy(tones, 0, pcm, leadIn, Math.min(tones.length, pcm.length - leadIn));
    WavFileSink sink = WavFileSink.create(file, rateHz, 1);
    try {
      sink.write(pcm, pcm.length);
    } finally {
      sink.close();
    }
    return file;
  }

  /** Every sample of a mono 16-bit WAV file. */
  static short[] read(Path file) throws IOException {
    WavFileSource source = WavFileSource.open(file);
    try {
      if (source.channels() != 1 || source.sampleRateHz() != ToneSequence.RATE_HZ) {
        throw new IOException(
            file
                + " holds "
                + source.channels()
                + " channel(s) at "
                + source.sampleRateHz()
                + " Hz; mono at "
                + ToneSequence.RATE_HZ
                + " Hz expected");
      }
      short[] all = new short[(int) source.frameCount()];
      int length = 0;
      short[] chunk = new short[ToneSequence.RATE_HZ / 50];
      int read;
      while (length < all.length && (read = source.read(chunk)) > 0) {
        int kept = Math.min(read, all.length - length);
        System.arraycopy(chunk, 0, all, length, kept);
        length += kept;
      }
      return Arrays.copyOf(all, length);
    } finally {
      source.close();
    }
  }
}

package org.parley.server.voicemail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.parley.media.ffmpeg.OggOpusFileSink;
import org.parley.media.wav.WavFileSource;

/** Turns a message's WAV audio into Ogg Opus, for clients that would rather download less. */
public final class OggExport {

  private static final int FRAME_SAMPLES = 960;

  private OggExport() {}

  /** Writes {@code wav}'s audio to {@code ogg} (replaced), as mono Opus. */
  public static void transcode(Path wav, Path ogg) throws IOException {
    try (WavFileSource source = WavFileSource.open(wav)) {
      OggOpusFileSink sink = new OggOpusFileSink(ogg, source.sampleRateHz());
      try {
        short[] frame = new short[FRAME_SAMPLES * source.channels()];
        int read;
        while ((read = source.read(frame)) > 0) {
          sink.write(frame, read);
        }
      } finally {
        sink.close();
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

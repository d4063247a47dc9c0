package org.parley.core.call;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioCodec;
import org.parley.media.ffmpeg.FfmpegCodecs;

/**
 * What a call sends and where what it receives goes, and which codecs it offers.
 *
 * @param source the microphone, a WAV file, a tone
 * @param sink the speaker, a WAV file
 * @param codecs the codecs in our preference order
 * @param lateOffer send the INVITE without SDP (the offer then comes in the 200, RFC 3261 §13.2.1)
 */
public record CallMedia(
    AudioSource source, AudioSink sink, List<AudioCodec> codecs, boolean lateOffer) {

  private static final int SILENCE_RATE_HZ = 8000;

  public CallMedia {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sink, "sink");
    codecs = List.copyOf(codecs);
    if (codecs.isEmpty()) {
      throw new IllegalArgumentException("A call needs at least one codec");
    }
  }

  /** The given source and sink with the default codecs (opus, G722, PCMU, PCMA). */
  public static CallMedia of(AudioSource source, AudioSink sink) {
    return new CallMedia(source, sink, FfmpegCodecs.defaultRegistry().all(), false);
  }

  /** Silence out, nothing kept of what comes in. */
  public static CallMedia silent() {
    return of(new Silence(), new Discard());
  }

  public CallMedia withCodecs(List<AudioCodec> preferred) {
    return new CallMedia(source, sink, preferred, lateOffer);
  }

  public CallMedia withLateOffer(boolean value) {
    return new CallMedia(source, sink, codecs, value);
  }

  /** Endless silence at 8 kHz. */
  private static final class Silence implements AudioSource {
    @Override
    public int sampleRateHz() {
      return SILENCE_RATE_HZ;
    }

    @Override
    public int read(short[] frame) {
      Arrays.fill(frame, (short) 0);
      return frame.length;
    }
  }

  /** Drops every sample. */
  private static final class Discard implements AudioSink {
    @Override
    public int sampleRateHz() {
      return SILENCE_RATE_HZ;
    }

    @Override
    public void write(short[] frame, int sampleCount) {
      // Nobody listens.
    }
  }
}

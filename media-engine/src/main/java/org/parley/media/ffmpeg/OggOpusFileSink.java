package org.parley.media.ffmpeg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.parley.media.audio.AudioSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes PCM to an Ogg Opus file (RFC 7845), mono or stereo: the format for call recordings and
 * voicemail. Input at any rate is resampled to Opus's 48 kHz by FFmpeg; frames may be of any size.
 * Not thread-safe: one writer at a time.
 */
public final class OggOpusFileSink implements AudioSink {

  private static final Logger LOG = LoggerFactory.getLogger(OggOpusFileSink.class);

  /** Speech at 32 kbit/s per channel is near-transparent and about 14 MB per hour of a call. */
  public static final int DEFAULT_BITRATE_BPS = 32_000;

  private final FFmpegFrameRecorder recorder;
  private final Path file;
  private final int sampleRateHz;
  private final int channels;
  private boolean closed;

  /**
   * Creates (or replaces) {@code file} and opens the encoder.
   *
   * @param sampleRateHz rate of the PCM that will be written
   * @param channels 1 or 2; stereo input is interleaved
   * @throws UncheckedIOException if the file cannot be created or the encoder opened
   */
  public OggOpusFileSink(Path file, int sampleRateHz, int channels, int bitrateBps) {
    if (channels < 1 || channels > 2) {
      throw new IllegalArgumentException("Ogg Opus recordings are mono or stereo: " + channels);
    }
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("Sample rate must be positive: " + sampleRateHz);
    }
    FfmpegLog.install();
    this.file = file;
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    recorder = new FFmpegFrameRecorder(file.toFile(), channels);
    recorder.setFormat("ogg");
    recorder.setAudioCodecName("libopus");
    recorder.setSampleRate(OpusCodec.RATE_HZ);
    recorder.setAudioChannels(channels);
    recorder.setAudioBitrate(bitrateBps * channels);
    recorder.setAudioOption("application", "voip");
    try {
      recorder.start();
    } catch (FrameRecorder.Exception e) {
      releaseQuietly();
      throw new UncheckedIOException(new IOException("Cannot start Ogg Opus file " + file, e));
    }
  }

  /** A mono recording at {@link #DEFAULT_BITRATE_BPS}. */
  public OggOpusFileSink(Path file, int sampleRateHz) {
    this(file, sampleRateHz, 1, DEFAULT_BITRATE_BPS);
  }

  @Override
  public int sampleRateHz() {
    return sampleRateHz;
  }

  @Override
  public int channels() {
    return channels;
  }

  /**
   * Encodes the first {@code sampleCount} interleaved samples of {@code frame}.
   *
   * @throws UncheckedIOException if FFmpeg cannot encode or write them
   */
  @Override
  public void write(short[] frame, int sampleCount) {
    if (closed) {
      throw new IllegalStateException("Recording " + file + " is closed");
    }
    if (sampleCount % channels != 0) {
      throw new IllegalArgumentException(
          sampleCount + " samples do not split into " + channels + " channels");
    }
    try {
      recorder.recordSamples(sampleRateHz, channels, ShortBuffer.wrap(frame, 0, sampleCount));
    } catch (FrameRecorder.Exception e) {
      throw new UncheckedIOException(new IOException("Cannot write to " + file, e));
    }
  }

  /** Flushes the encoder, writes the last Ogg page and closes the file. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      recorder.stop();
    } catch (FrameRecorder.Exception e) {
      throw new UncheckedIOException(new IOException("Cannot finish " + file, e));
    } finally {
      releaseQuietly();
    }
  }

  private void releaseQuietly() {
    try {
      recorder.release();
    } catch (FrameRecorder.Exception e) {
      // Releasing frees memory only; the file was already finished or never started.
      LOG.debug("Releasing the recorder of {} failed", file, e);
    }
  }
}

package org.parley.media.wav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.parley.media.audio.AudioSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes 16-bit PCM to a WAV file, mono or stereo: call recordings, test captures.
 *
 * <p>Crash safety: the 44-byte header is written first with zero sizes, and every {@code
 * headerPatchIntervalMillis} of audio the buffered samples are written out and the RIFF and data
 * sizes are rewritten in place. If the process dies, the file on disk is a valid WAV file whose
 * header describes everything up to the last patch, so at most one interval is lost to ordinary
 * players (a crash before the first patch leaves a zero data size, which {@link WavFileSource}
 * reads as "up to the end of the file"). {@link #close()} writes the final sizes. The file is not
 * fsynced: that protects against a process crash, not a power cut.
 */
public final class WavFileSink implements AudioSink {

  /** Default distance between header patches: one second of audio. */
  public static final int DEFAULT_HEADER_PATCH_INTERVAL_MILLIS = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(WavFileSink.class);
  private static final int WRITE_BUFFER_BYTES = 8192;

  private final Path path;
  private final FileChannel file;
  private final int sampleRateHz;
  private final int channels;
  private final long patchIntervalBytes;
  private final ByteBuffer buffer =
      ByteBuffer.allocate(WRITE_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
  private long dataBytes;
  private long patchedDataBytes;
  private boolean full;
  private boolean closed;

  private WavFileSink(
      Path path, FileChannel file, int sampleRateHz, int channels, int patchIntervalMillis) {
    this.path = path;
    this.file = file;
    this.sampleRateHz = sampleRateHz;
    this.channels = channels;
    long bytesPerSecond = (long) sampleRateHz * channels * WavHeader.BYTES_PER_SAMPLE;
    this.patchIntervalBytes = Math.max(1, bytesPerSecond * patchIntervalMillis / 1000);
  }

  /** Creates (or replaces) a WAV file, patching its header once per second of audio. */
  public static WavFileSink create(Path path, int sampleRateHz, int channels) throws IOException {
    return create(path, sampleRateHz, channels, DEFAULT_HEADER_PATCH_INTERVAL_MILLIS);
  }

  /**
   * Creates (or replaces) a WAV file.
   *
   * @param sampleRateHz samples per second per channel
   * @param channels 1 or 2; stereo samples are interleaved left first
   * @param headerPatchIntervalMillis how much audio may be written between header updates
   */
  public static WavFileSink create(
      Path path, int sampleRateHz, int channels, int headerPatchIntervalMillis) throws IOException {
    if (sampleRateHz <= 0) {
      throw new IllegalArgumentException("sample rate must be positive: " + sampleRateHz);
    }
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("1 or 2 channels supported, not " + channels);
    }
    if (headerPatchIntervalMillis <= 0) {
      throw new IllegalArgumentException("patch interval must be positive");
    }
    FileChannel file =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    try {
      file.write(WavHeader.canonical(sampleRateHz, channels, 0));
    } catch (IOException e) {
      file.close();
      throw e;
    }
    return new WavFileSink(path, file, sampleRateHz, channels, headerPatchIntervalMillis);
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
   * Appends samples; stereo needs an even count. Past the 4 GiB a WAV file can describe, further
   * samples are dropped with one warning.
   *
   * @throws UncheckedIOException if the disk refuses the write
   */
  @Override
  public synchronized void write(short[] frame, int sampleCount) {
    if (sampleCount % channels != 0) {
      throw new IllegalArgumentException(
          sampleCount + " samples is not a whole number of " + channels + "-channel frames");
    }
    if (closed) {
      throw new IllegalStateException("WAV sink for " + path + " is closed");
    }
    try {
      for (int i = 0; i < sampleCount; i++) {
        if (dataBytes + WavHeader.BYTES_PER_SAMPLE > WavHeader.MAX_DATA_BYTES) {
          warnFullOnce();
          break;
        }
        if (!buffer.hasRemaining()) {
          flushBuffer();
        }
        buffer.putShort(frame[i]);
        dataBytes += WavHeader.BYTES_PER_SAMPLE;
      }
      if (dataBytes - patchedDataBytes >= patchIntervalBytes) {
        flushBuffer();
        patchHeader();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + path + " failed", e);
    }
  }

  /** Bytes of samples written so far. */
  public synchronized long dataBytes() {
    return dataBytes;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (file) {
      flushBuffer();
      patchHeader();
    } catch (IOException e) {
      throw new UncheckedIOException("finishing " + path + " failed", e);
    }
  }

  private void flushBuffer() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      file.write(buffer);
    }
    buffer.clear();
  }

  /** Rewrites the sizes; a positional write leaves the append position alone. */
  private void patchHeader() throws IOException {
    ByteBuffer header = WavHeader.canonical(sampleRateHz, channels, dataBytes);
    while (header.hasRemaining()) {
      file.write(header, header.position());
    }
    patchedDataBytes = dataBytes;
  }

  private void warnFullOnce() {
    if (!full) {
      full = true;
      LOG.warn("WAV file {} reached the 4 GiB format limit; dropping further audio", path);
    }
  }
}

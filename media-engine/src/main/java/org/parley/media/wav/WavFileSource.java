package org.parley.media.wav;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.parley.media.audio.AudioSource;

/**
 * Plays a WAV file of 16-bit little-endian PCM, mono or stereo, at its own sample rate: hold music,
 * announcements, test prompts.
 */
public final class WavFileSource implements AudioSource {

  private static final int READ_BUFFER_BYTES = 8192;

  private final Path path;
  private final FileChannel file;
  private final WavHeader header;
  private final ByteBuffer buffer =
      ByteBuffer.allocate(READ_BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN).flip();
  private long dataBytesLeft;
  private boolean closed;

  private WavFileSource(Path path, FileChannel file, WavHeader header) {
    this.path = path;
    this.file = file;
    this.header = header;
    this.dataBytesLeft = header.dataBytes();
  }

  /**
   * Opens a WAV file and reads its header.
   *
   * @throws NoSuchFileException if there is no such file
   * @throws WavFileException if it is not 16-bit PCM WAV, or is truncated before its samples
   */
  public static WavFileSource open(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "WAV file not found");
    }
    FileChannel file = FileChannel.open(path, StandardOpenOption.READ);
    try {
      WavHeader header = WavHeader.read(file, path);
      file.position(header.dataOffset());
      return new WavFileSource(path, file, header);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  @Override
  public int sampleRateHz() {
    return header.sampleRateHz();
  }

  @Override
  public int channels() {
    return header.channels();
  }

  /** How many samples per channel the file holds. */
  public long frameCount() {
    return header.dataBytes() / ((long) header.channels() * WavHeader.BYTES_PER_SAMPLE);
  }

  /**
   * Reads whole sample frames (one sample per channel), interleaved for stereo.
   *
   * @throws UncheckedIOException if the file cannot be read any more
   */
  @Override
  public synchronized int read(short[] frame) {
    if (closed) {
      return -1;
    }
    int wanted = frame.length - frame.length % header.channels();
    int count = 0;
    while (count < wanted) {
      if (buffer.remaining() < WavHeader.BYTES_PER_SAMPLE && !refill()) {
        break;
      }
      frame[count++] = buffer.getShort();
    }
    return count == 0 && wanted > 0 ? -1 : count;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + path + " failed", e);
    }
  }

  private boolean refill() {
    if (dataBytesLeft <= 0) {
      return false;
    }
    buffer.compact();
    int limit = (int) Math.min(buffer.remaining(), dataBytesLeft);
    buffer.limit(buffer.position() + limit);
    try {
      int read = file.read(buffer);
      if (read < 0) {
        dataBytesLeft = 0;
      } else {
        dataBytesLeft -= read;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + path + " failed", e);
    } finally {
      buffer.flip();
    }
    return buffer.remaining() >= WavHeader.BYTES_PER_SAMPLE;
  }
}

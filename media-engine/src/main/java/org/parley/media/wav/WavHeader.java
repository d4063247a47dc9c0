package org.parley.media.wav;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The RIFF/WAVE layout Parley reads and writes: 16-bit little-endian PCM, one or two channels.
 *
 * @param sampleRateHz samples per second per channel
 * @param channels 1 (mono) or 2 (stereo, left first)
 * @param dataOffset file position of the first sample
 * @param dataBytes length of the sample data that is actually in the file
 */
record WavHeader(int sampleRateHz, int channels, long dataOffset, long dataBytes) {

  static final int CANONICAL_HEADER_BYTES = 44;
  static final int BYTES_PER_SAMPLE = 2;

  /** Largest data chunk whose RIFF size still fits in 32 bits. */
  static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (CANONICAL_HEADER_BYTES - 8);

  private static final int WAVE_FORMAT_PCM = 1;
  private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
  private static final int CHUNK_HEADER_BYTES = 8;
  private static final int MIN_FMT_BYTES = 16;
  private static final int EXTENSIBLE_FMT_BYTES = 40;

  /** The 44-byte header of a file holding {@code dataBytes} of samples. */
  static ByteBuffer canonical(int sampleRateHz, int channels, long dataBytes) {
    int blockAlign = channels * BYTES_PER_SAMPLE;
    ByteBuffer header = ByteBuffer.allocate(CANONICAL_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) (dataBytes + CANONICAL_HEADER_BYTES - 8));
    header.put(ascii("WAVE"));
    header.put(ascii("fmt ")).putInt(MIN_FMT_BYTES);
    header.putShort((short) WAVE_FORMAT_PCM).putShort((short) channels);
    header.putInt(sampleRateHz).putInt(sampleRateHz * blockAlign);
    header.putShort((short) blockAlign).putShort((short) (8 * BYTES_PER_SAMPLE));
    header.put(ascii("data")).putInt((int) dataBytes);
    return header.flip();
  }

  /**
   * Walks the chunks up to {@code data}, skipping unknown ones (LIST, fact, cue ...).
   *
   * <p>The data length is clamped to what the file holds, and a zero length with samples after it
   * is read to the end: both are what a writer that crashed before patching its header leaves.
   */
  static WavHeader read(FileChannel file, Path path) throws IOException {
    long fileBytes = file.size();
    ByteBuffer riff = readFully(file, 0, 12, path, "RIFF header");
    if (!"RIFF".equals(fourCc(riff, 0)) || !"WAVE".equals(fourCc(riff, 8))) {
      throw new WavFileException(path + " is not a RIFF/WAVE file");
    }
    long position = 12;
    int sampleRateHz = 0;
    int channels = 0;
    while (true) {
      if (position + CHUNK_HEADER_BYTES > fileBytes) {
        throw new WavFileException(
            path + " is truncated: " + (channels == 0 ? "no fmt chunk" : "no data chunk"));
      }
      ByteBuffer chunk = readFully(file, position, CHUNK_HEADER_BYTES, path, "chunk header");
      String id = fourCc(chunk, 0);
      long size = Integer.toUnsignedLong(chunk.getInt(4));
      long body = position + CHUNK_HEADER_BYTES;
      if ("fmt ".equals(id)) {
        if (size < MIN_FMT_BYTES) {
          throw new WavFileException(path + " has a " + size + "-byte fmt chunk; 16 needed");
        }
        int readable = (int) Math.min(size, EXTENSIBLE_FMT_BYTES);
        ByteBuffer fmt = readFully(file, body, readable, path, "fmt chunk");
        checkPcm16(fmt, path);
        channels = fmt.getShort(2) & 0xFFFF;
        sampleRateHz = fmt.getInt(4);
      } else if ("data".equals(id)) {
        if (channels == 0) {
          throw new WavFileException(path + " has its data chunk before the fmt chunk");
        }
        long available = fileBytes - body;
        long dataBytes = size == 0 || size > available ? available : size;
        long blockAlign = (long) channels * BYTES_PER_SAMPLE;
        return new WavHeader(sampleRateHz, channels, body, dataBytes - dataBytes % blockAlign);
      }
      // Chunks are padded to an even length (RIFF); the pad byte is not counted in the size.
      position = body + size + (size & 1);
    }
  }

  private static void checkPcm16(ByteBuffer fmt, Path path) throws WavFileException {
    int format = fmt.getShort(0) & 0xFFFF;
    if (format == WAVE_FORMAT_EXTENSIBLE) {
      if (fmt.limit() < EXTENSIBLE_FMT_BYTES) {
        throw new WavFileException(path + " has a truncated WAVE_FORMAT_EXTENSIBLE fmt chunk");
      }
      // The sub-format GUID starts with the plain format code.
      format = fmt.getShort(24) & 0xFFFF;
    }
    if (format != WAVE_FORMAT_PCM) {
      throw new WavFileException(
          path + " is not PCM (format code 0x" + Integer.toHexString(format) + ")");
    }
    int channels = fmt.getShort(2) & 0xFFFF;
    int sampleRateHz = fmt.getInt(4);
    int blockAlign = fmt.getShort(12) & 0xFFFF;
    int bitsPerSample = fmt.getShort(14) & 0xFFFF;
    if (bitsPerSample != 16) {
      throw new WavFileException(path + " has " + bitsPerSample + "-bit samples; 16 needed");
    }
    if (channels != 1 && channels != 2) {
      throw new WavFileException(path + " has " + channels + " channels; 1 or 2 supported");
    }
    if (sampleRateHz <= 0) {
      throw new WavFileException(path + " has an invalid sample rate: " + sampleRateHz);
    }
    if (blockAlign != channels * BYTES_PER_SAMPLE) {
      throw new WavFileException(path + " has an inconsistent block align: " + blockAlign);
    }
  }

  private static ByteBuffer readFully(
      FileChannel file, long position, int length, Path path, String what) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      int read = file.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new WavFileException(path + " is truncated in its " + what);
      }
    }
    return buffer.flip();
  }

  private static String fourCc(ByteBuffer buffer, int offset) {
    char[] chars = new char[4];
    for (int i = 0; i < 4; i++) {
      chars[i] = (char) (buffer.get(offset + i) & 0xFF);
    }
    return new String(chars);
  }

  private static byte[] ascii(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}

package org.parley.media.wav;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Hand-made RIFF/WAVE files, chunk by chunk, for reader tests. */
final class WavBytes {

  private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();

  WavBytes chunk(String id, byte[] body) {
    chunks.writeBytes(id.getBytes(StandardCharsets.US_ASCII));
    chunks.writeBytes(le32(body.length));
    chunks.writeBytes(body);
    if (body.length % 2 == 1) {
      chunks.write(0);
    }
    return this;
  }

  WavBytes fmt(int formatCode, int channels, int sampleRateHz, int bitsPerSample) {
    int blockAlign = channels * bitsPerSample / 8;
    ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) formatCode).putShort((short) channels).putInt(sampleRateHz);
    fmt.putInt(sampleRateHz * blockAlign).putShort((short) blockAlign);
    fmt.putShort((short) bitsPerSample);
    return chunk("fmt ", fmt.array());
  }

  WavBytes pcm16(int channels, int sampleRateHz) {
    return fmt(1, channels, sampleRateHz, 16);
  }

  WavBytes data(short... samples) {
    return chunk("data", samples(samples));
  }

  WavBytes list() {
    return chunk("LIST", "INFOISFT\u0005\0\0\0Lavf\0".getBytes(StandardCharsets.US_ASCII));
  }

  /** The whole file: RIFF header with the true size, then the chunks. */
  byte[] build() {
    byte[] body = chunks.toByteArray();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(le32(body.length + 4));
    file.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
    file.writeBytes(body);
    return file.toByteArray();
  }

  static byte[] samples(short... samples) {
    ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short sample : samples) {
      bytes.putShort(sample);
    }
    return bytes.array();
  }

  static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }
}

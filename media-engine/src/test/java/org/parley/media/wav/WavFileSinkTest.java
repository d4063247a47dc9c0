package org.parley.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.source.ToneSource;

class WavFileSinkTest {

  @TempDir Path dir;

  @Test
  void writesTheCanonicalHeaderAndLittleEndianSamples() throws IOException {
    Path file = dir.resolve("out.wav");
    try (WavFileSink sink = WavFileSink.create(file, 8000, 1)) {
      sink.write(new short[] {1, -2, 0x1234, 99}, 3);
    }

    byte[] bytes = Files.readAllBytes(file);
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo(
            "52494646"
                + "2a000000"
                + "57415645" // RIFF, 36 + 6, WAVE
                + "666d7420"
                + "10000000"
                + "0100"
                + "0100" // fmt, 16, PCM, mono
                + "401f0000"
                + "803e0000"
                + "0200"
                + "1000" // 8000 Hz, 16000 B/s, 2, 16 bits
                + "64617461"
                + "06000000" // data, 6 bytes
                + "0100"
                + "feff"
                + "3412");
  }

  @Test
  void roundTripsAStereoToneThroughTheSource() throws IOException {
    Path file = dir.resolve("stereo.wav");
    short[] written = interleave(tone(440, 48_000, 4800), tone(1000, 48_000, 4800));
    try (WavFileSink sink = WavFileSink.create(file, 48_000, 2)) {
      for (int offset = 0; offset < written.length; offset += 1920) {
        sink.write(Arrays.copyOfRange(written, offset, offset + 1920), 1920);
      }
    }

    try (WavFileSource source = WavFileSource.open(file)) {
      assertThat(source.sampleRateHz()).isEqualTo(48_000);
      assertThat(source.channels()).isEqualTo(2);
      assertThat(source.frameCount()).isEqualTo(4800);
    }
    assertThat(WavFileSourceTest.readAll(file)).isEqualTo(written);
  }

  @Test
  void patchesTheHeaderWhileRecordingSoAnUnclosedFileIsReadable() throws IOException {
    Path file = dir.resolve("live.wav");
    WavFileSink sink = WavFileSink.create(file, 8000, 1, 100);
    short[] tenMillis = tone(500, 8000, 80);
    for (int i = 0; i < 25; i++) {
      sink.write(tenMillis, 80);
    }

    // 250 ms written, patched at 100 and 200 ms: the header on disk says 200 ms = 3200 bytes.
    ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(header.getInt(40)).isEqualTo(3200);
    assertThat(header.getInt(4)).isEqualTo(3200 + 36);
    try (WavFileSource whileRecording = WavFileSource.open(file)) {
      assertThat(whileRecording.frameCount()).isEqualTo(1600);
    }

    sink.close();
    assertThat(WavFileSourceTest.readAll(file)).hasSize(2000);
  }

  @Test
  void refusesHalfStereoFramesAndWritesAfterClose() throws IOException {
    WavFileSink sink = WavFileSink.create(dir.resolve("x.wav"), 8000, 2);

    assertThatThrownBy(() -> sink.write(new short[3], 3))
        .isInstanceOf(IllegalArgumentException.class);
    sink.close();
    sink.close();
    assertThatThrownBy(() -> sink.write(new short[2], 2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesFormatsItCannotWrite() {
    assertThatThrownBy(() -> WavFileSink.create(dir.resolve("y.wav"), 8000, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WavFileSink.create(dir.resolve("y.wav"), 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static short[] tone(double frequencyHz, int sampleRateHz, int samples) {
    short[] frame = new short[samples];
    new ToneSource(frequencyHz, sampleRateHz, 0.5).read(frame);
    return frame;
  }

  static short[] interleave(short[] left, short[] right) {
    short[] stereo = new short[left.length * 2];
    for (int i = 0; i < left.length; i++) {
      stereo[2 * i] = left[i];
      stereo[2 * i + 1] = right[i];
    }
    return stereo;
  }
}

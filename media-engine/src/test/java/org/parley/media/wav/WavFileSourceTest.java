package org.parley.media.wav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileSourceTest {

  @TempDir Path dir;

  @Test
  void readsMonoSamplesAndEndsWithMinusOne() throws IOException {
    Path file = write(new WavBytes().pcm16(1, 8000).data((short) 1, (short) -2, (short) 300));

    try (WavFileSource source = WavFileSource.open(file)) {
      short[] frame = new short[2];
      assertThat(source.sampleRateHz()).isEqualTo(8000);
      assertThat(source.channels()).isEqualTo(1);
      assertThat(source.frameCount()).isEqualTo(3);
      assertThat(source.read(frame)).isEqualTo(2);
      assertThat(frame).containsExactly(1, -2);
      assertThat(source.read(frame)).isEqualTo(1);
      assertThat(frame[0]).isEqualTo((short) 300);
      assertThat(source.read(frame)).isEqualTo(-1);
    }
  }

  @Test
  void readsStereoInWholeInterleavedFrames() throws IOException {
    Path file =
        write(new WavBytes().pcm16(2, 44_100).data((short) 10, (short) 20, (short) 11, (short) 21));

    try (WavFileSource source = WavFileSource.open(file)) {
      short[] frame = new short[3];
      assertThat(source.channels()).isEqualTo(2);
      assertThat(source.sampleRateHz()).isEqualTo(44_100);
      assertThat(source.read(frame)).as("only whole L/R pairs").isEqualTo(2);
      assertThat(Arrays.copyOf(frame, 2)).containsExactly(10, 20);
      assertThat(source.read(frame)).isEqualTo(2);
      assertThat(Arrays.copyOf(frame, 2)).containsExactly(11, 21);
    }
  }

  @Test
  void skipsUnknownChunksIncludingOddSizedOnesWithTheirPadByte() throws IOException {
    Path file =
        write(
            new WavBytes()
                .list()
                .pcm16(1, 16_000)
                .chunk("fact", new byte[] {1, 2, 3})
                .chunk("junk", new byte[7])
                .data((short) 42, (short) 43)
                .list());

    assertThat(readAll(file)).containsExactly(42, 43);
  }

  @Test
  void acceptsWaveFormatExtensibleWithAPcmSubFormat() throws IOException {
    ByteBuffer fmt = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
    fmt.putShort((short) 0xFFFE).putShort((short) 1).putInt(48_000).putInt(96_000);
    fmt.putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16);
    fmt.putInt(4).putShort((short) 1); // channel mask, then the GUID's leading format code
    Path file = write(new WavBytes().chunk("fmt ", fmt.array()).data((short) 7));

    try (WavFileSource source = WavFileSource.open(file)) {
      assertThat(source.sampleRateHz()).isEqualTo(48_000);
    }
    assertThat(readAll(file)).containsExactly(7);
  }

  @Test
  void aDataSizeLargerThanTheFileReadsWhatIsThere() throws IOException {
    byte[] bytes = new WavBytes().pcm16(1, 8000).data((short) 5, (short) 6, (short) 7).build();
    // Claim 1000 data bytes and cut the last sample in half, as a crashed writer might.
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 1000);
    Path file = dir.resolve("long.wav");
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));

    assertThat(readAll(file)).containsExactly(5, 6);
  }

  @Test
  void aZeroDataSizeReadsToTheEndOfTheFile() throws IOException {
    byte[] bytes = new WavBytes().pcm16(1, 8000).data((short) 5, (short) 6).build();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0);

    assertThat(readAll(write(bytes))).containsExactly(5, 6);
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.wav");

    assertThatThrownBy(() -> WavFileSource.open(missing))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope.wav")
        .hasMessageContaining("WAV file not found");
  }

  @Test
  void rejectsWhatIsNotSixteenBitPcm() throws IOException {
    assertRejected(new WavBytes().fmt(3, 1, 8000, 32).data(), "not PCM (format code 0x3)");
    assertRejected(new WavBytes().fmt(6, 1, 8000, 8).data(), "not PCM (format code 0x6)");
    assertRejected(new WavBytes().fmt(1, 1, 8000, 8).data(), "8-bit samples; 16 needed");
    assertRejected(new WavBytes().fmt(1, 1, 8000, 24).data(), "24-bit samples; 16 needed");
    assertRejected(new WavBytes().fmt(1, 6, 8000, 16).data(), "6 channels; 1 or 2 supported");
    assertRejected(new WavBytes().fmt(1, 1, 0, 16).data(), "invalid sample rate");
  }

  @Test
  void rejectsOtherContainers() throws IOException {
    byte[] bytes = new WavBytes().pcm16(1, 8000).data().build();
    bytes[8] = 'A'; // "AAVE"

    assertThatThrownBy(() -> WavFileSource.open(write(bytes)))
        .isInstanceOf(WavFileException.class)
        .hasMessageContaining("not a RIFF/WAVE file");
  }

  @Test
  void rejectsTruncatedHeadersAtEveryByte() throws IOException {
    byte[] whole = new WavBytes().pcm16(1, 8000).data((short) 1).build();

    // Every cut inside the 44-byte header leaves no readable data chunk.
    for (int length = 0; length < 44; length++) {
      Path file = dir.resolve("cut" + length + ".wav");
      Files.write(file, Arrays.copyOf(whole, length));
      assertThatThrownBy(() -> WavFileSource.open(file))
          .as("cut at %d bytes", length)
          .isInstanceOf(WavFileException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void rejectsDataBeforeFmtAndAShortFmtChunk() throws IOException {
    assertRejected(new WavBytes().data((short) 1).pcm16(1, 8000), "data chunk before the fmt");
    assertRejected(new WavBytes().chunk("fmt ", new byte[14]).data(), "14-byte fmt chunk");
  }

  private void assertRejected(WavBytes wav, String message) throws IOException {
    Path file = write(wav);
    assertThatThrownBy(() -> WavFileSource.open(file))
        .isInstanceOf(WavFileException.class)
        .hasMessageContaining(message);
  }

  private Path write(WavBytes wav) throws IOException {
    return write(wav.build());
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "t", ".wav");
    Files.write(file, bytes);
    return file;
  }

  static short[] readAll(Path file) throws IOException {
    try (WavFileSource source = WavFileSource.open(file)) {
      short[] all = new short[0];
      short[] frame = new short[160];
      int count;
      while ((count = source.read(frame)) > 0) {
        int start = all.length;
        all = Arrays.copyOf(all, start + count);
        System.arraycopy(frame, 0, all, start, count);
      }
      return all;
    }
  }
}

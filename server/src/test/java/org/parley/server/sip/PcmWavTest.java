package org.parley.server.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.sip.PcmWav.Recording;

class PcmWavTest {

  @TempDir Path folder;

  @Test
  void aWrittenToneReadsBackWithItsRateLengthAndLevel() throws IOException {
    Path file = folder.resolve("tone.wav");
    PcmWav.writeTone(file, 440, 8000, 0.5, 1.5);

    Recording tone = PcmWav.read(file);

    assertThat(tone.sampleRateHz()).isEqualTo(8000);
    assertThat(tone.samples()).hasSize(12_000);
    assertThat(tone.seconds()).isEqualTo(1.5);
    assertThat(tone.rms()).isCloseTo(0.5 * Short.MAX_VALUE / Math.sqrt(2), within(20.0));
    assertThat(Files.size(file)).isEqualTo(44 + 24_000);
  }

  @Test
  void toneShareIsOneAtTheToneAndNearZeroElsewhere() throws IOException {
    Path file = folder.resolve("tone.wav");
    PcmWav.writeTone(file, 1000, 8000, 0.3, 2);
    Recording tone = PcmWav.read(file);

    assertThat(tone.toneShare(1000)).isCloseTo(1.0, within(0.01));
    assertThat(tone.toneShare(440)).isLessThan(0.001);
    assertThat(tone.dominantFrequencyHz(100, 3500, 10)).isEqualTo(1000, within(0.5));
  }

  @Test
  void silenceHasNoLevelAndNoTone() {
    Recording silence = new Recording(new short[8000], 8000);

    assertThat(silence.rms()).isZero();
    assertThat(silence.toneShare(440)).isZero();
  }

  @Test
  void skipDropsTheLeadingSeconds() throws IOException {
    Path file = folder.resolve("tone.wav");
    PcmWav.writeTone(file, 440, 8000, 0.5, 1);

    assertThat(PcmWav.read(file).skip(0.25).samples()).hasSize(6000);
    assertThat(PcmWav.read(file).skip(5).samples()).isEmpty();
  }

  @Test
  void readSkipsChunksOtherThanFmtAndData() throws IOException {
    // As libsndfile may write: an odd-sized LIST chunk (padded to even) between fmt and data.
    ByteBuffer wav = ByteBuffer.allocate(44 + 10 + 4).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(wav.capacity() - 8).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1);
    wav.putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
    wav.put(ascii("LIST")).putInt(1).put((byte) 'x').put((byte) 0);
    wav.put(ascii("data")).putInt(4).putShort((short) 1234).putShort((short) -1234);
    Path file = folder.resolve("chunks.wav");
    Files.write(file, wav.array());

    Recording recording = PcmWav.read(file);

    assertThat(recording.sampleRateHz()).isEqualTo(16000);
    assertThat(recording.samples()).containsExactly((short) 1234, (short) -1234);
  }

  @Test
  void readRejectsStereo() throws IOException {
    ByteBuffer wav = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(36).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 2);
    wav.putInt(8000).putInt(32000).putShort((short) 4).putShort((short) 16);
    wav.put(ascii("data")).putInt(0);
    Path file = folder.resolve("stereo.wav");
    Files.write(file, wav.array());

    assertThatThrownBy(() -> PcmWav.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("need mono 16-bit PCM, got format 1, 2 ch, 16 bit");
  }

  @Test
  void readRejectsAFileThatIsNotRiff() throws IOException {
    Path file = folder.resolve("text.wav");
    Files.writeString(file, "not a wave file");

    assertThatThrownBy(() -> PcmWav.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("is not a RIFF file");
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}

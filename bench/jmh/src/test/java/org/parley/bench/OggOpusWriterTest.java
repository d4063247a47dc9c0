package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OggOpusWriterTest {

  /** The first page opusenc 0.2 wrote for the benchmark file: its OpusHead, CRC 0x17DA00BF. */
  private static final String OPUSENC_FIRST_PAGE =
      "4f676753000200000000000000004407b43c00000000bf00da1701134f70757348656164"
          + "0101380180bb0000000000";

  @TempDir Path folder;

  @Test
  void computesTheCrcOpusencWrote() {
    byte[] page = HexFormat.of().parseHex(OPUSENC_FIRST_PAGE);
    int written = ByteBuffer.wrap(page, 22, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    ByteBuffer.wrap(page, 22, 4).putInt(0);

    assertThat(OggOpusWriter.crc(page)).isEqualTo(written).isEqualTo(0x17DA00BF);
  }

  @Test
  void writesPacketsTheReaderGivesBackAcrossPages() throws IOException {
    List<byte[]> packets = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      byte[] packet = new byte[i % 7 == 0 ? 300 : 60 + i % 50];
      packet[0] = (byte) i;
      packets.add(packet);
    }
    Path file = folder.resolve("packets.opus");

    OggOpusWriter.write(file, 312, packets);

    OggOpusPackets read = OggOpusPackets.read(file);
    assertThat(read.preSkipSamples()).isEqualTo(312);
    assertThat(read.audioPackets()).containsExactlyElementsOf(packets);
    assertThat(Files.size(file)).isGreaterThan(300 * 60L);
  }
}

package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OggOpusPacketsTest {

  @TempDir Path folder;

  @Test
  void readsAudioPacketsAfterTheHeadersAndThePreSkip() throws IOException {
    byte[] small = filled(3, 1);
    byte[] exactly255 = filled(255, 2);
    byte[] large = filled(600, 3);
    ByteArrayOutputStream ogg = new ByteArrayOutputStream();
    ogg.writeBytes(page(new int[] {19}, opusHead(312)));
    ogg.writeBytes(page(new int[] {16}, ascii("OpusTags\0\0\0\0\0\0\0\0")));
    // Lacing (RFC 3533 section 6): 255 means the packet goes on; 255 then 0 ends a 255-byte one.
    ogg.writeBytes(page(new int[] {3, 255, 0, 255, 255, 90}, small, exactly255, large));

    OggOpusPackets read = OggOpusPackets.read(write(ogg.toByteArray()));

    assertThat(read.preSkipSamples()).isEqualTo(312);
    assertThat(read.audioPackets()).containsExactly(small, exactly255, large);
  }

  @Test
  void joinsAPacketThatContinuesOnTheNextPage() throws IOException {
    byte[] packet = filled(300, 7);
    ByteArrayOutputStream ogg = new ByteArrayOutputStream();
    ogg.writeBytes(page(new int[] {19}, opusHead(0)));
    ogg.writeBytes(page(new int[] {8}, ascii("OpusTags")));
    ogg.writeBytes(page(new int[] {255}, Arrays.copyOf(packet, 255)));
    ogg.writeBytes(page(new int[] {45}, Arrays.copyOfRange(packet, 255, 300)));

    assertThat(OggOpusPackets.read(write(ogg.toByteArray())).audioPackets())
        .containsExactly(packet);
  }

  @Test
  void rejectsATruncatedPage() throws IOException {
    ByteArrayOutputStream ogg = new ByteArrayOutputStream();
    ogg.writeBytes(page(new int[] {19}, opusHead(312)));
    ogg.writeBytes(page(new int[] {100}, filled(100, 1)));
    byte[] bytes = ogg.toByteArray();
    Path file = write(Arrays.copyOf(bytes, bytes.length - 10));

    assertThatThrownBy(() -> OggOpusPackets.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("truncated page body");
  }

  @Test
  void rejectsAFileThatIsNotOggOpus() throws IOException {
    Path wav = write(ascii("RIFF\0\0\0\0WAVEfmt more bytes than a page header has"));
    Path vorbis = write(page(new int[] {8}, ascii("\u0001vorbis\0")));

    assertThatThrownBy(() -> OggOpusPackets.read(wav))
        .hasMessageContaining("no Ogg page at byte 0");
    assertThatThrownBy(() -> OggOpusPackets.read(vorbis))
        .hasMessageContaining("does not start with an OpusHead");
  }

  /** One Ogg page (RFC 3533 section 6) with the given lacing values; the CRC is left zero. */
  private static byte[] page(int[] lacing, byte[]... bodies) {
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    page.writeBytes(ascii("OggS"));
    page.writeBytes(new byte[22]); // version, flags, granule, serial, sequence, CRC: unread
    page.write(lacing.length);
    for (int value : lacing) {
      page.write(value);
    }
    for (byte[] body : bodies) {
      page.writeBytes(body);
    }
    return page.toByteArray();
  }

  /** An RFC 7845 section 5.1 identification header: mono, 48 kHz, {@code preSkip}. */
  private static byte[] opusHead(int preSkip) {
    byte[] head = new byte[19];
    System.arraycopy(ascii("OpusHead"), 0, head, 0, 8);
    head[8] = 1;
    head[9] = 1;
    head[10] = (byte) preSkip;
    head[11] = (byte) (preSkip >> 8);
    head[12] = (byte) 0x80;
    head[13] = (byte) 0xBB;
    return head;
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(folder, "test", ".opus");
    Files.write(file, bytes);
    return file;
  }
}

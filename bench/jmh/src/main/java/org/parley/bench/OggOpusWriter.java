package org.parley.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes mono 20 ms Opus packets to an Ogg Opus file (RFC 7845) that {@code opusdec} plays, so
 * opus-tools can decode exactly the packets Parley's encoder made.
 */
final class OggOpusWriter {

  private static final int SAMPLES_PER_PACKET = 960;
  private static final int MAX_LACING_VALUES = 255;
  private static final int SERIAL = 0x5061726C;
  private static final int FIRST_PAGE = 0x02;
  private static final int LAST_PAGE = 0x04;
  private static final int[] CRC_TABLE = crcTable();

  private final ByteArrayOutputStream file = new ByteArrayOutputStream();
  private int sequence;

  private OggOpusWriter() {}

  /** Writes {@code packets} (20 ms each, mono, 48 kHz) after the two RFC 7845 header packets. */
  static void write(Path path, int preSkipSamples, List<byte[]> packets) throws IOException {
    OggOpusWriter writer = new OggOpusWriter();
    writer.page(FIRST_PAGE, 0, List.of(opusHead(preSkipSamples)));
    byte[] tags = "OpusTags\u0006\0\0\0Parley\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    writer.page(0, 0, List.of(tags));
    List<byte[]> page = new ArrayList<>();
    int lacing = 0;
    long granule = 0;
    for (int i = 0; i < packets.size(); i++) {
      byte[] packet = packets.get(i);
      int needed = packet.length / 255 + 1;
      if (lacing + needed > MAX_LACING_VALUES) {
        writer.page(0, granule, page);
        page = new ArrayList<>();
        lacing = 0;
      }
      page.add(packet);
      lacing += needed;
      granule += SAMPLES_PER_PACKET;
    }
    writer.page(LAST_PAGE, granule, page);
    Files.write(path, writer.file.toByteArray());
  }

  /** One page holding whole packets (RFC 3533 §6), its CRC over the page with the field zero. */
  private void page(int flags, long granule, List<byte[]> packets) {
    ByteArrayOutputStream lacing = new ByteArrayOutputStream();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] packet : packets) {
      for (int left = packet.length; ; left -= 255) {
        lacing.write(Math.min(left, 255));
        if (left < 255) {
          break;
        }
      }
      body.writeBytes(packet);
    }
    ByteBuffer header = ByteBuffer.allocate(27).order(ByteOrder.LITTLE_ENDIAN);
    header.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) flags);
    header.putLong(granule).putInt(SERIAL).putInt(sequence++).putInt(0);
    header.put((byte) lacing.size());
    ByteArrayOutputStream page = new ByteArrayOutputStream();
    page.writeBytes(header.array());
    page.writeBytes(lacing.toByteArray());
    page.writeBytes(body.toByteArray());
    byte[] bytes = page.toByteArray();
    int crc = crc(bytes);
    ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
    file.writeBytes(bytes);
  }

  private static byte[] opusHead(int preSkipSamples) {
    ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
    head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1);
    head.putShort((short) preSkipSamples).putInt(48_000).putShort((short) 0).put((byte) 0);
    return head.array();
  }

  /** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR. */
  static int crc(byte[] bytes) {
    int crc = 0;
    for (byte b : bytes) {
      crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xFF];
    }
    return crc;
  }

  private static int[] crcTable() {
    int[] table = new int[256];
    for (int i = 0; i < 256; i++) {
      int value = i << 24;
      for (int bit = 0; bit < 8; bit++) {
        value = (value & 0x80000000) != 0 ? (value << 1) ^ 0x04C11DB7 : value << 1;
      }
      table[i] = value;
    }
    return table;
  }
}

package org.parley.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Opus packets of a single-stream Ogg Opus file (RFC 7845), as {@code opusenc} writes it: the
 * audio packets in order, and the pre-skip its {@code OpusHead} asks a decoder to drop.
 *
 * <p>Only what the benchmark needs: one logical stream, no CRC check, no chaining.
 *
 * @param preSkipSamples 48 kHz samples to discard from the start of the decoded audio
 * @param audioPackets the packets after {@code OpusHead} and {@code OpusTags}
 */
record OggOpusPackets(int preSkipSamples, List<byte[]> audioPackets) {

  private static final int PAGE_HEADER_BYTES = 27;
  private static final int LACING_CONTINUES = 255;

  /**
   * Reads {@code file}.
   *
   * @throws IOException if it cannot be read, or is not a complete Ogg Opus stream
   */
  static OggOpusPackets read(Path file) throws IOException {
    List<byte[]> packets = packets(Files.readAllBytes(file), file);
    if (packets.size() < 2 || !startsWith(packets.get(0), "OpusHead")) {
      throw new IOException(file + " does not start with an OpusHead packet");
    }
    byte[] head = packets.get(0);
    if (head.length < 19) {
      throw new IOException(file + ": OpusHead is " + head.length + " bytes, fewer than 19");
    }
    int preSkip = ByteBuffer.wrap(head, 10, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    return new OggOpusPackets(preSkip, List.copyOf(packets.subList(2, packets.size())));
  }

  /** All packets of all pages, reassembled across segment and page boundaries (RFC 3533 §6). */
  private static List<byte[]> packets(byte[] bytes, Path file) throws IOException {
    List<byte[]> packets = new ArrayList<>();
    byte[] pending = new byte[0];
    int position = 0;
    while (position < bytes.length) {
      if (position + PAGE_HEADER_BYTES > bytes.length
          || !new String(bytes, position, 4, StandardCharsets.US_ASCII).equals("OggS")) {
        throw new IOException(file + ": no Ogg page at byte " + position);
      }
      int segments = bytes[position + 26] & 0xFF;
      int lacing = position + PAGE_HEADER_BYTES;
      int data = lacing + segments;
      if (data > bytes.length) {
        throw new IOException(file + ": truncated page header at byte " + position);
      }
      for (int s = 0; s < segments; s++) {
        int size = bytes[lacing + s] & 0xFF;
        if (data + size > bytes.length) {
          throw new IOException(file + ": truncated page body at byte " + position);
        }
        pending = concat(pending, bytes, data, size);
        data += size;
        if (size < LACING_CONTINUES) {
          packets.add(pending);
          pending = new byte[0];
        }
      }
      position = data;
    }
    return packets;
  }

  private static byte[] concat(byte[] head, byte[] source, int offset, int length) {
    byte[] joined = Arrays.copyOf(head, head.length + length);
    System.arraycopy(source, offset, joined, head.length, length);
    return joined;
  }

  private static boolean startsWith(byte[] packet, String magic) {
    return packet.length >= magic.length()
        && new String(packet, 0, magic.length(), StandardCharsets.US_ASCII).equals(magic);
  }
}

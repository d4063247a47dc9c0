package org.parley.media.rtcp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes compound RTCP packets (RFC 3550 §6.1) with the validity checks of Appendix A.2: version
 * 2, an SR or RR first, padding only on the last packet, and lengths that add up to the datagram.
 */
public final class RtcpParser {

  private static final int HEADER_BYTES = 4;
  private static final int SENDER_INFO_BYTES = 20;

  private RtcpParser() {}

  /** Decodes a whole array as one compound packet. */
  public static List<RtcpPacket> parseCompound(byte[] datagram) throws RtcpFormatException {
    return parseCompound(datagram, 0, datagram.length);
  }

  /**
   * Decodes {@code length} bytes from {@code offset} as a compound packet.
   *
   * @throws RtcpFormatException when any check fails; the message names the packet and the field
   */
  public static List<RtcpPacket> parseCompound(byte[] datagram, int offset, int length)
      throws RtcpFormatException {
    if (offset < 0 || length < 0 || offset + length > datagram.length) {
      throw new IllegalArgumentException("range outside the array");
    }
    if (length < HEADER_BYTES) {
      throw new RtcpFormatException(
          "RTCP datagram of " + length + " bytes is shorter than a 4-byte header");
    }
    List<RtcpPacket> packets = new ArrayList<>();
    int position = 0;
    while (position < length) {
      if (length - position < HEADER_BYTES) {
        throw new RtcpFormatException(
            (length - position) + " trailing bytes at offset " + position + " are not a header");
      }
      int first = datagram[offset + position] & 0xFF;
      int version = first >>> 6;
      if (version != 2) {
        throw new RtcpFormatException(
            "RTCP version " + version + " at offset " + position + ", expected 2");
      }
      int count = first & 0x1F;
      int packetType = datagram[offset + position + 1] & 0xFF;
      int lengthWords =
          ((datagram[offset + position + 2] & 0xFF) << 8)
              | (datagram[offset + position + 3] & 0xFF);
      int packetBytes = (lengthWords + 1) * 4;
      if (position + packetBytes > length) {
        throw new RtcpFormatException(
            "RTCP packet type "
                + packetType
                + " at offset "
                + position
                + " has length "
                + packetBytes
                + " bytes, beyond the "
                + length
                + "-byte datagram");
      }
      if (packets.isEmpty() && packetType != RtcpPacket.SR && packetType != RtcpPacket.RR) {
        throw new RtcpFormatException(
            "compound RTCP must start with SR or RR, found packet type " + packetType);
      }
      int bodyBytes = packetBytes - HEADER_BYTES;
      if ((first & 0x20) != 0) {
        if (position + packetBytes != length) {
          throw new RtcpFormatException(
              "padding bit set on packet type "
                  + packetType
                  + " at offset "
                  + position
                  + ", which is not the last packet");
        }
        int padding = datagram[offset + length - 1] & 0xFF;
        if (padding == 0 || padding > bodyBytes) {
          throw new RtcpFormatException(
              "padding count " + padding + " invalid for a " + bodyBytes + "-byte body");
        }
        bodyBytes -= padding;
      }
      ByteBuffer body =
          ByteBuffer.wrap(datagram, offset + position + HEADER_BYTES, bodyBytes).slice();
      packets.add(parseOne(packetType, count, body));
      position += packetBytes;
    }
    return List.copyOf(packets);
  }

  private static RtcpPacket parseOne(int packetType, int count, ByteBuffer body)
      throws RtcpFormatException {
    return switch (packetType) {
      case RtcpPacket.SR -> parseSenderReport(count, body);
      case RtcpPacket.RR -> parseReceiverReport(count, body);
      case RtcpPacket.SDES -> parseSourceDescription(count, body);
      case RtcpPacket.BYE -> parseBye(count, body);
      default -> {
        byte[] copy = new byte[body.remaining()];
        body.get(copy);
        yield new UnknownRtcpPacket(packetType, count, copy);
      }
    };
  }

  private static SenderReport parseSenderReport(int count, ByteBuffer body)
      throws RtcpFormatException {
    require(body, 4 + SENDER_INFO_BYTES + count * ReportBlock.BYTES, "SR", count);
    long ssrc = u32(body);
    long ntp = body.getLong();
    long rtpTimestamp = u32(body);
    long packets = u32(body);
    long octets = u32(body);
    // Bytes after the blocks are a profile-specific extension (§6.4.1), ignored here.
    return new SenderReport(ssrc, ntp, rtpTimestamp, packets, octets, blocks(count, body));
  }

  private static ReceiverReport parseReceiverReport(int count, ByteBuffer body)
      throws RtcpFormatException {
    require(body, 4 + count * ReportBlock.BYTES, "RR", count);
    long ssrc = u32(body);
    return new ReceiverReport(ssrc, blocks(count, body));
  }

  private static void require(ByteBuffer body, int bytes, String type, int count)
      throws RtcpFormatException {
    if (body.remaining() < bytes) {
      throw new RtcpFormatException(
          type
              + " with "
              + count
              + " report blocks needs "
              + bytes
              + " body bytes, has "
              + body.remaining());
    }
  }

  private static List<ReportBlock> blocks(int count, ByteBuffer body) {
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long ssrc = u32(body);
      int lossWord = body.getInt();
      int fractionLost = lossWord >>> 24;
      // Sign-extend the 24-bit cumulative loss.
      int cumulativeLost = (lossWord << 8) >> 8;
      blocks.add(
          new ReportBlock(
              ssrc, fractionLost, cumulativeLost, u32(body), u32(body), u32(body), u32(body)));
    }
    return blocks;
  }

  private static SourceDescription parseSourceDescription(int count, ByteBuffer body)
      throws RtcpFormatException {
    List<SourceDescription.Chunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      if (body.remaining() < 4) {
        throw new RtcpFormatException("SDES chunk " + i + " of " + count + " is truncated");
      }
      int chunkStart = body.position();
      long ssrc = u32(body);
      List<SourceDescription.Item> items = new ArrayList<>();
      while (true) {
        if (!body.hasRemaining()) {
          throw new RtcpFormatException("SDES chunk " + i + " has no end item");
        }
        int type = body.get() & 0xFF;
        if (type == 0) {
          break;
        }
        if (!body.hasRemaining()) {
          throw new RtcpFormatException("SDES item type " + type + " has no length octet");
        }
        int textBytes = body.get() & 0xFF;
        if (body.remaining() < textBytes) {
          throw new RtcpFormatException(
              "SDES item type "
                  + type
                  + " says "
                  + textBytes
                  + " bytes, "
                  + body.remaining()
                  + " remain");
        }
        byte[] text = new byte[textBytes];
        body.get(text);
        items.add(new SourceDescription.Item(type, new String(text, StandardCharsets.UTF_8)));
      }
      // The end item is followed by null octets up to the next 32-bit boundary.
      int chunkBytes = body.position() - chunkStart;
      int aligned = (chunkBytes + 3) & ~3;
      body.position(Math.min(body.limit(), chunkStart + aligned));
      chunks.add(new SourceDescription.Chunk(ssrc, items));
    }
    return new SourceDescription(chunks);
  }

  private static Bye parseBye(int count, ByteBuffer body) throws RtcpFormatException {
    if (body.remaining() < 4 * count) {
      throw new RtcpFormatException(
          "BYE with " + count + " SSRCs needs " + 4 * count + " bytes, has " + body.remaining());
    }
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(u32(body));
    }
    String reason = "";
    if (body.hasRemaining()) {
      int reasonBytes = body.get() & 0xFF;
      if (body.remaining() < reasonBytes) {
        throw new RtcpFormatException(
            "BYE reason of " + reasonBytes + " bytes, " + body.remaining() + " remain");
      }
      byte[] text = new byte[reasonBytes];
      body.get(text);
      reason = new String(text, StandardCharsets.UTF_8);
    }
    return new Bye(ssrcs, reason);
  }

  private static long u32(ByteBuffer buffer) {
    return buffer.getInt() & 0xFFFF_FFFFL;
  }
}

package org.parley.media.rtcp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes compound RTCP packets (RFC 3550 §6.1) to datagrams, without padding. */
public final class RtcpWriter {

  private RtcpWriter() {}

  /**
   * The compound packet's wire form.
   *
   * @throws IllegalArgumentException when the list is empty or does not start with an SR or RR
   */
  public static byte[] writeCompound(List<? extends RtcpPacket> packets) {
    if (packets.isEmpty()) {
      throw new IllegalArgumentException("a compound RTCP packet needs at least one packet");
    }
    int firstType = packets.get(0).packetType();
    if (firstType != RtcpPacket.SR && firstType != RtcpPacket.RR) {
      throw new IllegalArgumentException("a compound RTCP packet must start with an SR or RR");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (RtcpPacket packet : packets) {
      byte[] one = write(packet);
      out.write(one, 0, one.length);
    }
    return out.toByteArray();
  }

  /** One packet's wire form (not on its own a valid compound packet unless it is an SR or RR). */
  public static byte[] write(RtcpPacket packet) {
    if (packet instanceof SenderReport sr) {
      return senderReport(sr);
    } else if (packet instanceof ReceiverReport rr) {
      return receiverReport(rr);
    } else if (packet instanceof SourceDescription sdes) {
      return sourceDescription(sdes);
    } else if (packet instanceof Bye bye) {
      return bye(bye);
    }
    return unknown((UnknownRtcpPacket) packet);
  }

  static List<ReportBlock> checkBlocks(List<ReportBlock> blocks) {
    List<ReportBlock> copy = List.copyOf(blocks);
    if (copy.size() > 31) {
      throw new IllegalArgumentException("more than 31 report blocks: " + copy.size());
    }
    return copy;
  }

  private static byte[] senderReport(SenderReport sr) {
    ByteBuffer out =
        header(RtcpPacket.SR, sr.reportBlocks().size(), 28 + 24 * sr.reportBlocks().size());
    out.putInt((int) sr.ssrc());
    out.putLong(sr.ntpTimestamp());
    out.putInt((int) sr.rtpTimestamp());
    out.putInt((int) sr.packetCount());
    out.putInt((int) sr.octetCount());
    putBlocks(out, sr.reportBlocks());
    return out.array();
  }

  private static byte[] receiverReport(ReceiverReport rr) {
    ByteBuffer out =
        header(RtcpPacket.RR, rr.reportBlocks().size(), 8 + 24 * rr.reportBlocks().size());
    out.putInt((int) rr.ssrc());
    putBlocks(out, rr.reportBlocks());
    return out.array();
  }

  private static void putBlocks(ByteBuffer out, List<ReportBlock> blocks) {
    for (ReportBlock block : blocks) {
      out.putInt((int) block.ssrc());
      out.putInt((block.fractionLost() << 24) | (block.cumulativeLost() & 0xFFFFFF));
      out.putInt((int) block.extendedHighestSequence());
      out.putInt((int) block.interarrivalJitter());
      out.putInt((int) block.lastSenderReport());
      out.putInt((int) block.delaySinceLastSenderReport());
    }
  }

  private static byte[] sourceDescription(SourceDescription sdes) {
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    for (SourceDescription.Chunk chunk : sdes.chunks()) {
      int start = chunks.size();
      writeInt(chunks, chunk.ssrc());
      for (SourceDescription.Item item : chunk.items()) {
        byte[] text = utf8AtMost255(item.text(), "SDES item");
        chunks.write(item.type());
        chunks.write(text.length);
        chunks.write(text, 0, text.length);
      }
      // At least one null octet ends the item list, then pad to a 32-bit boundary (§6.5).
      do {
        chunks.write(0);
      } while ((chunks.size() - start) % 4 != 0);
    }
    ByteBuffer out = header(RtcpPacket.SDES, sdes.chunks().size(), 4 + chunks.size());
    out.put(chunks.toByteArray());
    return out.array();
  }

  private static byte[] bye(Bye bye) {
    byte[] reason = utf8AtMost255(bye.reason(), "BYE reason");
    int reasonBytes = reason.length == 0 ? 0 : (1 + reason.length + 3) & ~3;
    ByteBuffer out =
        header(RtcpPacket.BYE, bye.ssrcs().size(), 4 + 4 * bye.ssrcs().size() + reasonBytes);
    bye.ssrcs().forEach(s -> out.putInt(s.intValue()));
    if (reason.length > 0) {
      out.put((byte) reason.length);
      out.put(reason);
    }
    return out.array();
  }

  private static byte[] unknown(UnknownRtcpPacket packet) {
    int padded = (packet.body().length + 3) & ~3;
    ByteBuffer out = header(packet.packetType(), packet.count(), 4 + padded);
    out.put(packet.body());
    return out.array();
  }

  /**
   * A buffer for a whole packet of {@code totalBytes} (a multiple of 4) with its header written.
   */
  private static ByteBuffer header(int packetType, int count, int totalBytes) {
    ByteBuffer out = ByteBuffer.allocate(totalBytes);
    out.put((byte) (0x80 | count));
    out.put((byte) packetType);
    out.putShort((short) (totalBytes / 4 - 1));
    return out;
  }

  private static byte[] utf8AtMost255(String text, String what) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 255) {
      throw new IllegalArgumentException(what + " longer than 255 bytes of UTF-8");
    }
    return bytes;
  }

  private static void writeInt(ByteArrayOutputStream out, long value) {
    out.write((int) (value >>> 24));
    out.write((int) (value >>> 16));
    out.write((int) (value >>> 8));
    out.write((int) value);
  }
}

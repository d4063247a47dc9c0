package org.parley.media.rtp;

/** Encodes RTP packets (RFC 3550 §5.1) to datagrams, without a header extension. */
public final class RtpPacketWriter {

  private RtpPacketWriter() {}

  /** The packet's wire form without padding. */
  public static byte[] write(RtpPacket packet) {
    return write(packet, 0);
  }

  /**
   * The packet's wire form with {@code paddingBytes} octets of padding (0 for none); the last
   * padding octet holds the count, as RFC 3550 §5.1 requires.
   */
  public static byte[] write(RtpPacket packet, int paddingBytes) {
    if (paddingBytes < 0 || paddingBytes > 255) {
      throw new IllegalArgumentException("padding must be 0..255 bytes: " + paddingBytes);
    }
    int csrcCount = packet.csrcs().size();
    int headerBytes = RtpPacketParser.FIXED_HEADER_BYTES + 4 * csrcCount;
    byte[] out = new byte[headerBytes + packet.payload().length + paddingBytes];
    out[0] = (byte) ((RtpPacketParser.VERSION << 6) | (paddingBytes > 0 ? 0x20 : 0) | csrcCount);
    out[1] = (byte) ((packet.marker() ? 0x80 : 0) | packet.payloadType());
    Bytes.put16(out, 2, packet.sequenceNumber());
    Bytes.put32(out, 4, packet.timestamp());
    Bytes.put32(out, 8, packet.ssrc());
    for (int i = 0; i < csrcCount; i++) {
      Bytes.put32(out, RtpPacketParser.FIXED_HEADER_BYTES + 4 * i, packet.csrcs().get(i));
    }
    System.arraycopy(packet.payload(), 0, out, headerBytes, packet.payload().length);
    if (paddingBytes > 0) {
      out[out.length - 1] = (byte) paddingBytes;
    }
    return out;
  }
}

package org.parley.media.rtp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes RTP packets (RFC 3550 §5.1) from datagrams, checking every length against the datagram.
 */
public final class RtpPacketParser {

  /** The fixed header: flags, payload type, sequence number, timestamp, SSRC. */
  public static final int FIXED_HEADER_BYTES = 12;

  static final int VERSION = 2;

  private RtpPacketParser() {}

  /** Decodes a whole array as one packet. */
  public static RtpPacket parse(byte[] datagram) throws RtpFormatException {
    return parse(datagram, 0, datagram.length);
  }

  /**
   * Decodes {@code length} bytes from {@code offset}. The header extension (§5.3.1) is skipped;
   * padding (§5.1, P bit) is removed from the payload.
   *
   * @throws RtpFormatException when the version is not 2 or any field runs past the datagram
   */
  public static RtpPacket parse(byte[] datagram, int offset, int length) throws RtpFormatException {
    if (offset < 0 || length < 0 || offset + length > datagram.length) {
      throw new IllegalArgumentException("range outside the array");
    }
    if (length < FIXED_HEADER_BYTES) {
      throw new RtpFormatException(
          "RTP packet of " + length + " bytes is shorter than the 12-byte fixed header");
    }
    int first = datagram[offset] & 0xFF;
    int version = first >>> 6;
    if (version != VERSION) {
      throw new RtpFormatException("RTP version " + version + ", expected 2");
    }
    boolean padding = (first & 0x20) != 0;
    boolean extension = (first & 0x10) != 0;
    int csrcCount = first & 0x0F;
    int second = datagram[offset + 1] & 0xFF;
    int sequenceNumber = Bytes.u16(datagram, offset + 2);
    long timestamp = Bytes.u32(datagram, offset + 4);
    long ssrc = Bytes.u32(datagram, offset + 8);

    int position = FIXED_HEADER_BYTES;
    int csrcEnd = position + 4 * csrcCount;
    if (csrcEnd > length) {
      throw new RtpFormatException(
          "CSRC list of "
              + csrcCount
              + " entries needs "
              + csrcEnd
              + " header bytes, packet has "
              + length);
    }
    List<Long> csrcs = new ArrayList<>(csrcCount);
    for (; position < csrcEnd; position += 4) {
      csrcs.add(Bytes.u32(datagram, offset + position));
    }
    if (extension) {
      position = skipExtension(datagram, offset, length, position);
    }
    int payloadEnd = length;
    if (padding) {
      payloadEnd -= paddingCount(datagram, offset, length, position);
    }
    byte[] payload = Arrays.copyOfRange(datagram, offset + position, offset + payloadEnd);
    return new RtpPacket(
        second & 0x7F, (second & 0x80) != 0, sequenceNumber, timestamp, ssrc, csrcs, payload);
  }

  /** Skips the profile-defined extension: 16-bit profile, 16-bit length in 32-bit words. */
  private static int skipExtension(byte[] datagram, int offset, int length, int position)
      throws RtpFormatException {
    if (position + 4 > length) {
      throw new RtpFormatException(
          "header extension header needs " + (position + 4) + " bytes, packet has " + length);
    }
    int words = Bytes.u16(datagram, offset + position + 2);
    int end = position + 4 + 4 * words;
    if (end > length) {
      throw new RtpFormatException(
          "header extension of " + words + " words ends at byte " + end + ", packet has " + length);
    }
    return end;
  }

  /** The padding octet count, which includes itself and must fit after the header. */
  private static int paddingCount(byte[] datagram, int offset, int length, int headerEnd)
      throws RtpFormatException {
    if (length == headerEnd) {
      throw new RtpFormatException("padding bit set but no octet follows the header");
    }
    int count = datagram[offset + length - 1] & 0xFF;
    if (count == 0) {
      throw new RtpFormatException("padding bit set but padding count is 0");
    }
    if (count > length - headerEnd) {
      throw new RtpFormatException(
          "padding count "
              + count
              + " exceeds the "
              + (length - headerEnd)
              + " bytes after the header");
    }
    return count;
  }
}

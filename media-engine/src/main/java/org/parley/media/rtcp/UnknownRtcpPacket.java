package org.parley.media.rtcp;

/**
 * An RTCP packet of a type this engine does not interpret (APP, feedback, XR), kept as it came so
 * that a compound packet holding one is still usable.
 *
 * @param packetType the packet type octet
 * @param count the five-bit count/subtype field
 * @param body the bytes after the 4-byte header, without padding
 */
public record UnknownRtcpPacket(int packetType, int count, byte[] body) implements RtcpPacket {

  public UnknownRtcpPacket {
    if (packetType < 0 || packetType > 255 || count < 0 || count > 31) {
      throw new IllegalArgumentException("packet type or count out of range");
    }
  }
}

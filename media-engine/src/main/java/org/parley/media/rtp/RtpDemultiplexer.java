package org.parley.media.rtp;

/** Tells RTP from RTCP on a shared port (RFC 5761 §4). */
public final class RtpDemultiplexer {

  private RtpDemultiplexer() {}

  /**
   * Whether a datagram is RTCP: its second octet, read as an RTP marker bit and payload type, has a
   * payload type of 64-95, which RTP may not use when multiplexed (RTCP types 192-223).
   */
  public static boolean isRtcp(byte[] datagram, int offset, int length) {
    if (length < 2) {
      return false;
    }
    int payloadType = datagram[offset + 1] & 0x7F;
    return payloadType >= 64 && payloadType <= 95;
  }
}

package org.parley.media.rtp;

/**
 * Protects datagrams on their way out of an {@link RtpSession} and unprotects them on their way in:
 * the place for SRTP/SRTCP (RFC 3711). RTP/RTCP demultiplexing happens before {@code unprotect}, on
 * the header, which SRTP leaves in the clear. Called on the sending thread and the receive thread;
 * an implementation keeps separate state for each direction.
 */
public interface PacketTransform {

  /** No protection: plain RTP and RTCP. */
  PacketTransform NONE =
      new PacketTransform() {
        @Override
        public byte[] protectRtp(byte[] packet) {
          return packet;
        }

        @Override
        public byte[] protectRtcp(byte[] compound) {
          return compound;
        }

        @Override
        public byte[] unprotectRtp(byte[] datagram, int length) {
          return datagram;
        }

        @Override
        public byte[] unprotectRtcp(byte[] datagram, int length) {
          return datagram;
        }
      };

  /** The datagram to send for one RTP packet. */
  byte[] protectRtp(byte[] packet);

  /** The datagram to send for one compound RTCP packet. */
  byte[] protectRtcp(byte[] compound);

  /**
   * The plain RTP packet in the first {@code length} bytes of {@code datagram}.
   *
   * @return the plain packet: {@code datagram} itself, whose first {@code length} bytes are the
   *     packet, or a new array holding exactly the packet; or null to drop the datagram
   *     (authentication failed, a replay)
   */
  byte[] unprotectRtp(byte[] datagram, int length);

  /** As {@link #unprotectRtp} for a compound RTCP packet. */
  byte[] unprotectRtcp(byte[] datagram, int length);
}

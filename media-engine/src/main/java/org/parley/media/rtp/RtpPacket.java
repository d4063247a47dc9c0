package org.parley.media.rtp;

import java.util.List;

/**
 * One RTP packet (RFC 3550 §5.1) as the engine passes it between stages. Unsigned protocol fields
 * are held in wider types: {@code sequenceNumber} 0..65535, {@code timestamp} and {@code ssrc}
 * 0..2^32-1. The payload array is owned by the packet once it is built; stages do not modify it.
 *
 * @param payloadType the RTP payload type, 0..127
 * @param marker the marker bit (start of a talk spurt for audio)
 * @param sequenceNumber the 16-bit sequence number
 * @param timestamp the 32-bit media timestamp, in units of the payload's clock rate
 * @param ssrc the synchronisation source
 * @param csrcs the contributing sources (at most 15)
 * @param payload the payload, without padding
 */
public record RtpPacket(
    int payloadType,
    boolean marker,
    int sequenceNumber,
    long timestamp,
    long ssrc,
    List<Long> csrcs,
    byte[] payload) {

  public RtpPacket {
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type out of range: " + payloadType);
    }
    if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
      throw new IllegalArgumentException("sequence number out of range: " + sequenceNumber);
    }
    if (timestamp < 0 || timestamp > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("timestamp out of range: " + timestamp);
    }
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SSRC out of range: " + ssrc);
    }
    csrcs = List.copyOf(csrcs);
    if (csrcs.size() > 15) {
      throw new IllegalArgumentException("more than 15 CSRCs: " + csrcs.size());
    }
  }

  /** A packet with no contributing sources. */
  public static RtpPacket of(
      int payloadType,
      boolean marker,
      int sequenceNumber,
      long timestamp,
      long ssrc,
      byte[] payload) {
    return new RtpPacket(payloadType, marker, sequenceNumber, timestamp, ssrc, List.of(), payload);
  }
}

package org.parley.media.rtcp;

/** One RTCP packet of a compound packet (RFC 3550 §6.4-6.6). */
public sealed interface RtcpPacket
    permits SenderReport, ReceiverReport, SourceDescription, Bye, UnknownRtcpPacket {

  /** Sender report. */
  int SR = 200;

  /** Receiver report. */
  int RR = 201;

  /** Source description. */
  int SDES = 202;

  /** Goodbye. */
  int BYE = 203;

  /** Application-defined. */
  int APP = 204;

  /** The packet type octet (200 for SR, ...). */
  int packetType();
}

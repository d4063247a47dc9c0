package org.parley.media.rtcp;

/** A datagram that is not a valid compound RTCP packet; the message says what is wrong. */
public class RtcpFormatException extends Exception {

  public RtcpFormatException(String message) {
    super(message);
  }
}

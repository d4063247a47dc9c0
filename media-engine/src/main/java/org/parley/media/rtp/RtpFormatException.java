package org.parley.media.rtp;

/** A datagram that is not a well-formed RTP or RTCP packet; the message says what is wrong. */
public class RtpFormatException extends Exception {

  public RtpFormatException(String message) {
    super(message);
  }
}

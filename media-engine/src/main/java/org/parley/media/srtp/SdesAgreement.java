package org.parley.media.srtp;

/**
 * The outcome of SDES offer/answer for one media stream: the suite, the tag of the accepted line,
 * and the two keys — each side sends with the key it put in its own SDP (RFC 4568 §6.1).
 *
 * @param suite the negotiated crypto suite
 * @param tag the tag of the accepted crypto line
 * @param sendingKey our key, for what we send
 * @param receivingKey the peer's key, for what we receive
 */
public record SdesAgreement(
    SrtpSuite suite, int tag, SrtpMasterKey sendingKey, SrtpMasterKey receivingKey) {

  /** A transform for outgoing RTP and RTCP. */
  public SrtpTransform newSendingTransform() {
    return SrtpTransform.forSending(suite, sendingKey);
  }

  /** A transform for incoming SRTP and SRTCP. */
  public SrtpTransform newReceivingTransform() {
    return SrtpTransform.forReceiving(suite, receivingKey);
  }
}

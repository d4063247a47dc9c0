package org.parley.media.srtp;

/**
 * The outcome of unprotecting one packet: the verdict, and the plain RTP or RTCP bytes when it was
 * accepted.
 *
 * @param verdict what happened to the packet
 * @param packet the plain packet without tag (and SRTCP index), or null unless accepted
 */
public record SrtpUnprotectResult(SrtpVerdict verdict, byte[] packet) {

  static SrtpUnprotectResult accepted(byte[] packet) {
    return new SrtpUnprotectResult(SrtpVerdict.ACCEPTED, packet);
  }

  static SrtpUnprotectResult rejected(SrtpVerdict verdict) {
    return new SrtpUnprotectResult(verdict, null);
  }

  public boolean isAccepted() {
    return verdict == SrtpVerdict.ACCEPTED;
  }
}

package org.parley.server.sip.jainsip;

import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** The proxy's branch parameters (RFC 3261 §16.6 step 8) and Max-Forwards bookkeeping. */
final class ProxyBranches {

  static final String MAGIC_COOKIE = "z9hG4bK";

  private ProxyBranches() {}

  static void decrementMaxForwards(Request request) throws InvalidArgumentException {
    MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
    if (maxForwards != null) {
      try {
        maxForwards.decrementMaxForwards();
      } catch (javax.sip.header.TooManyHopsException e) {
        throw new InvalidArgumentException("Max-Forwards is exhausted", e);
      }
    }
  }

  /** Our branch: the loop-detection hash of RFC 3261 §16.6 step 8, then a unique part. */
  static String uniqueBranch(String loopHash) {
    return MAGIC_COOKIE + loopHash + "." + UUID.randomUUID().toString().replace("-", "");
  }

  /** Same input, same branch: a stateless proxy must map retransmissions to one branch. */
  static String statelessBranch(Request request, String loopHash) {
    return MAGIC_COOKIE + loopHash + "." + hash(topVia(request).getBranch() + request.getMethod());
  }

  static String loopHash(Request request) {
    FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
    ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
    CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
    CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
    return hash(
        request.getRequestURI()
            + "|"
            + from.getTag()
            + "|"
            + to.getTag()
            + "|"
            + callId.getCallId()
            + "|"
            + cseq.getSeqNumber());
  }

  private static String hash(String text) {
    return Sha256Hex.of(text, 8);
  }

  private static ViaHeader topVia(Request request) {
    return (ViaHeader) request.getHeader(ViaHeader.NAME);
  }
}

package org.parley.server.sip.jainsip;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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

  /**
   * The unique part of our branches: random per process, then a counter. A {@code UUID} per branch
   * drew on the shared SecureRandom for every forwarded request; unique in time and space (RFC 3261
   * §8.1.1.7) needs only that no two branches of this process, or of its restarts, collide.
   */
  private static final String PROCESS_PREFIX =
      Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);

  private static final AtomicLong BRANCH_COUNTER = new AtomicLong();

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
    return MAGIC_COOKIE
        + loopHash
        + "."
        + PROCESS_PREFIX
        + Long.toHexString(BRANCH_COUNTER.incrementAndGet());
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

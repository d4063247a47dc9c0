package org.parley.media.rtp;

import java.net.InetSocketAddress;

/**
 * Which remote address a session sends to and accepts packets from: the negotiated one, or with
 * latching the source of the first valid packet, after which every other source is ignored.
 */
final class RemoteLatch {

  private final boolean latching;
  private InetSocketAddress negotiated;
  private InetSocketAddress latched;

  RemoteLatch(InetSocketAddress negotiated, boolean latching) {
    this.negotiated = negotiated;
    this.latching = latching;
  }

  /** Takes a newly negotiated address (an SDP answer or re-offer) and forgets any latch. */
  synchronized void negotiate(InetSocketAddress address) {
    negotiated = address;
    latched = null;
  }

  /** Whether to accept a valid packet from {@code source}; latches onto it if none yet. */
  synchronized boolean accept(InetSocketAddress source) {
    if (latched != null) {
      return latched.equals(source);
    }
    if (latching) {
      latched = source;
      return true;
    }
    return source.equals(negotiated);
  }

  /** Where to send: the latched address, else the negotiated one, else null. */
  synchronized InetSocketAddress destination() {
    return latched != null ? latched : negotiated;
  }
}

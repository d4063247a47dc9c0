package org.parley.core.call;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.parley.media.rtp.PacketTransform;
import org.parley.media.srtp.SdesAgreement;
import org.parley.media.srtp.SrtpTransform;
import org.parley.media.srtp.SrtpUnprotectResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SRTP and SRTCP for one call's RTP session, keyed by an SDES agreement: our key protects what we
 * send, the peer's unprotects what we receive. Packets that fail authentication or replay checks
 * are dropped and counted.
 */
final class SrtpPacketTransform implements PacketTransform, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SrtpPacketTransform.class);

  private final SrtpTransform sending;
  private final SrtpTransform receiving;
  private final AtomicLong dropped = new AtomicLong();

  SrtpPacketTransform(SdesAgreement agreement) {
    this.sending = agreement.newSendingTransform();
    this.receiving = agreement.newReceivingTransform();
  }

  @Override
  public byte[] protectRtp(byte[] packet) {
    return sending.protectRtp(packet);
  }

  @Override
  public byte[] protectRtcp(byte[] compound) {
    return sending.protectRtcp(compound);
  }

  @Override
  public byte[] unprotectRtp(byte[] datagram, int length) {
    return accepted(receiving.unprotectRtp(Arrays.copyOf(datagram, length)), "SRTP");
  }

  @Override
  public byte[] unprotectRtcp(byte[] datagram, int length) {
    return accepted(receiving.unprotectRtcp(Arrays.copyOf(datagram, length)), "SRTCP");
  }

  /** Received packets refused so far (authentication, replay, malformed). */
  long droppedPackets() {
    return dropped.get();
  }

  private byte[] accepted(SrtpUnprotectResult result, String what) {
    if (result.isAccepted()) {
      return result.packet();
    }
    // Once at info, then per packet at debug: a peer with the wrong key sends 50 a second.
    if (dropped.incrementAndGet() == 1) {
      LOG.info("Dropping received {} packets: {}", what, result.verdict());
    } else {
      LOG.debug("Dropped a received {} packet: {}", what, result.verdict());
    }
    return null;
  }

  @Override
  public void close() {
    sending.close();
    receiving.close();
  }
}

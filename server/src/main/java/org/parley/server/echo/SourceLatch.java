package org.parley.server.echo;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which remote address one socket reflects to: the first source that sends ("latching", as media
 * relays behind NAT do), until it has been silent long enough for another to take over. Used from
 * the session's I/O thread only; {@link #peer()} may be read from any thread.
 */
final class SourceLatch {

  private static final Logger LOG = LoggerFactory.getLogger(SourceLatch.class);

  private final String name;
  private final long relatchAfterSilenceNanos;
  private volatile InetSocketAddress peer;
  private long lastHeardNanos;

  SourceLatch(String name, long relatchAfterSilenceNanos) {
    this.name = name;
    this.relatchAfterSilenceNanos = relatchAfterSilenceNanos;
  }

  /** Whether a packet from {@code source}, arriving at {@code nowNanos}, is to be reflected. */
  boolean accept(InetSocketAddress source, long nowNanos) {
    InetSocketAddress current = peer;
    if (current == null) {
      LOG.debug("{} latched to {}", name, source);
    } else if (!current.equals(source)) {
      if (nowNanos - lastHeardNanos <= relatchAfterSilenceNanos) {
        return false;
      }
      LOG.info("{} re-latched from {} to {} after the peer fell silent", name, current, source);
    }
    peer = source;
    lastHeardNanos = nowNanos;
    return true;
  }

  /** The latched peer, empty until the first packet. */
  Optional<InetSocketAddress> peer() {
    return Optional.ofNullable(peer);
  }
}

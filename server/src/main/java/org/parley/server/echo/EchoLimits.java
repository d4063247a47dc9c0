package org.parley.server.echo;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an echo session may run and how it follows its peer.
 *
 * @param idleTimeout how long without a packet from the peer before the session reports {@link
 *     EchoMediaSession.EndReason#IDLE}
 * @param maxDuration how long after opening the session reports {@link
 *     EchoMediaSession.EndReason#MAX_DURATION}
 * @param relatchAfterSilence how long the latched peer must be silent before another source may
 *     take its place, to follow a NAT that rebinds the caller's port
 */
public record EchoLimits(Duration idleTimeout, Duration maxDuration, Duration relatchAfterSilence) {

  /** 30 s idle, 10 min at most, re-latch after 2 s of silence. */
  public static final EchoLimits DEFAULT =
      new EchoLimits(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(2));

  public EchoLimits {
    requirePositive(idleTimeout, "idleTimeout");
    requirePositive(maxDuration, "maxDuration");
    requirePositive(relatchAfterSilence, "relatchAfterSilence");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }
}

package org.parley.core.account;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to refresh a registration and when to retry a failed one.
 *
 * <p>Refresh: at the granted lifetime minus the smaller of half of it and five minutes, so a 3600 s
 * binding is refreshed after 3300 s and a 60 s one after 30 s; a refresh that fails still has time
 * for a retry before the binding lapses.
 *
 * <p>Retry (RFC 5626 §4.5): after {@code n} consecutive failures the upper bound is {@code
 * min(maxBackoff, baseBackoff * 2^n)} and the wait is drawn uniformly from half of it to all of it,
 * so a server coming back after an outage is not hit by every client in the same second.
 *
 * @param baseBackoff RFC 5626's base-time (30 s when no flow works)
 * @param maxBackoff RFC 5626's max-time (1800 s)
 * @param random values in [0, 1) for the jitter; tests pass a constant
 */
public record RegistrationTiming(Duration baseBackoff, Duration maxBackoff, DoubleSupplier random) {

  private static final long MAX_REFRESH_MARGIN_SECONDS = 300;

  /** RFC 5626's recommended values with {@link Math#random()} for jitter. */
  public static RegistrationTiming defaults() {
    return new RegistrationTiming(Duration.ofSeconds(30), Duration.ofSeconds(1800), Math::random);
  }

  /** How long after a success with lifetime {@code expiresSeconds} to send the refresh. */
  public Duration refreshAfter(int expiresSeconds) {
    long margin = Math.min(expiresSeconds / 2, MAX_REFRESH_MARGIN_SECONDS);
    return Duration.ofSeconds(Math.max(1, expiresSeconds - margin));
  }

  /** The wait before the next attempt after {@code consecutiveFailures} (at least 1) failures. */
  public Duration retryAfter(int consecutiveFailures) {
    int doublings = Math.min(Math.max(consecutiveFailures, 1), 30);
    long upperMillis = Math.min(maxBackoff.toMillis(), baseBackoff.toMillis() * (1L << doublings));
    double fraction = 0.5 + 0.5 * random.getAsDouble();
    return Duration.ofMillis(Math.round(upperMillis * fraction));
  }
}

package org.parley.server.presence;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence agent's event state (RFC 3903): each presentity's publications, one per entity-tag
 * (a user's desk client and laptop publish separately), kept in memory. Presence is soft state:
 * publishers refresh it, and after a restart they republish when their refresh draws a 412.
 *
 * <p>The document notified to watchers is the most recently modified unexpired publication; a
 * presentity with none is "closed". Thread-safe.
 */
public final class PresenceStore {

  /** One PUBLISH's state. */
  record Publication(String entityTag, byte[] document, Instant expiresAt, Instant modifiedAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Map<String, Publication>> byPresentity = new ConcurrentHashMap<>();
  private final long minExpiresSeconds;
  private final long maxExpiresSeconds;

  public PresenceStore(long minExpiresSeconds, long maxExpiresSeconds) {
    this.minExpiresSeconds = minExpiresSeconds;
    this.maxExpiresSeconds = maxExpiresSeconds;
  }

  /**
   * Applies a PUBLISH (RFC 3903 §6): initial (no entity-tag, a body), refresh (an entity-tag, no
   * body), modify (both) or remove (an entity-tag and expiry 0).
   *
   * @param ifMatch the SIP-If-Match entity-tag, or null for an initial publication
   * @param document the new PIDF document, or null for a refresh
   * @param expiresSeconds the requested expiry, or null for the default (the maximum)
   */
  public synchronized PublishOutcome publish(
      String presentity, String ifMatch, byte[] document, Long expiresSeconds, Instant now) {
    long expires = expiresSeconds == null ? maxExpiresSeconds : expiresSeconds;
    if (expires > 0 && expires < minExpiresSeconds) {
      return new PublishOutcome.IntervalTooBrief(minExpiresSeconds);
    }
    expires = Math.min(expires, maxExpiresSeconds);
    Map<String, Publication> publications =
        byPresentity.computeIfAbsent(presentity, key -> new ConcurrentHashMap<>());
    publications.values().removeIf(publication -> !publication.expiresAt().isAfter(now));
    Publication previous = null;
    if (ifMatch != null) {
      previous = publications.remove(ifMatch);
      if (previous == null) {
        return new PublishOutcome.UnknownEntityTag();
      }
      if (expires == 0) {
        return new PublishOutcome.Removed();
      }
    } else if (document == null) {
      return new PublishOutcome.MissingBody();
    }
    String entityTag = newEntityTag();
    Publication publication =
        document != null
            ? new Publication(entityTag, document.clone(), now.plusSeconds(expires), now)
            : new Publication(
                entityTag, previous.document(), now.plusSeconds(expires), previous.modifiedAt());
    publications.put(entityTag, publication);
    return new PublishOutcome.Published(entityTag, expires);
  }

  /** The document to notify for {@code presentity}: the latest unexpired publication's. */
  public Optional<byte[]> document(String presentity, Instant now) {
    Map<String, Publication> publications = byPresentity.get(presentity);
    if (publications == null) {
      return Optional.empty();
    }
    return publications.values().stream()
        .filter(publication -> publication.expiresAt().isAfter(now))
        .max(Comparator.comparing(Publication::modifiedAt))
        .map(publication -> publication.document().clone());
  }

  /** When the earliest publication of {@code presentity} lapses, so watchers can be told. */
  public Optional<Duration> untilNextExpiry(String presentity, Instant now) {
    Map<String, Publication> publications = byPresentity.get(presentity);
    if (publications == null) {
      return Optional.empty();
    }
    return publications.values().stream()
        .map(Publication::expiresAt)
        .filter(expiry -> expiry.isAfter(now))
        .min(Comparator.naturalOrder())
        .map(expiry -> Duration.between(now, expiry));
  }

  private static String newEntityTag() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

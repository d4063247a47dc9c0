package org.parley.server.presence;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.server.store.PublicationStore;
import org.parley.server.store.StoreException;
import org.parley.server.store.StoredPublication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence agent's event state (RFC 3903): each presentity's publications, one per entity-tag
 * (a user's desk client and laptop publish separately), in memory and in a {@link
 * PublicationStore}, written there before the PUBLISH is answered, so a restarted server still
 * knows everyone's status and entity-tags.
 *
 * <p>The document notified to watchers is the most recently modified unexpired publication; a
 * presentity with none is "closed". Thread-safe.
 */
public final class PresenceStore {

  /** One PUBLISH's state. */
  record Publication(String entityTag, byte[] document, Instant expiresAt, Instant modifiedAt) {}

  private static final Logger LOG = LoggerFactory.getLogger(PresenceStore.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Map<String, Publication>> byPresentity = new ConcurrentHashMap<>();
  private final long minExpiresSeconds;
  private final long maxExpiresSeconds;
  private final PublicationStore durable;

  /** Keeps publications in memory only. */
  public PresenceStore(long minExpiresSeconds, long maxExpiresSeconds) {
    this(minExpiresSeconds, maxExpiresSeconds, PresenceOptions.inMemory().publications());
  }

  public PresenceStore(long minExpiresSeconds, long maxExpiresSeconds, PublicationStore durable) {
    this.minExpiresSeconds = minExpiresSeconds;
    this.maxExpiresSeconds = maxExpiresSeconds;
    this.durable = durable;
  }

  /**
   * Takes up the publications kept before a restart that are still running at {@code now}.
   *
   * @return the presentities that have some, whose expiry the caller schedules
   * @throws StoreException when the kept publications cannot be read
   */
  public synchronized Set<String> restore(Instant now) throws StoreException {
    Set<String> restored = new LinkedHashSet<>();
    for (StoredPublication kept : durable.unexpired(now)) {
      byPresentity
          .computeIfAbsent(kept.presentity(), key -> new ConcurrentHashMap<>())
          .put(
              kept.entityTag(),
              new Publication(kept.entityTag(), kept.body(), kept.expiresAt(), kept.modifiedAt()));
      restored.add(kept.presentity());
    }
    return restored;
  }

  /**
   * Applies a PUBLISH (RFC 3903 §6): initial (no entity-tag, a body), refresh (an entity-tag, no
   * body), modify (both) or remove (an entity-tag and expiry 0). The change is durable before this
   * returns; when it cannot be stored, nothing changes.
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
    dropLapsed(publications, now);
    Publication previous = null;
    if (ifMatch != null) {
      previous = publications.get(ifMatch);
      if (previous == null) {
        return new PublishOutcome.UnknownEntityTag();
      }
    } else if (document == null) {
      return new PublishOutcome.MissingBody();
    }
    try {
      if (expires == 0) {
        durable.remove(ifMatch);
        publications.remove(ifMatch);
        return new PublishOutcome.Removed();
      }
      String entityTag = newEntityTag();
      Publication publication =
          document != null
              ? new Publication(entityTag, document.clone(), now.plusSeconds(expires), now)
              : new Publication(
                  entityTag, previous.document(), now.plusSeconds(expires), previous.modifiedAt());
      durable.put(stored(presentity, publication), ifMatch);
      if (ifMatch != null) {
        publications.remove(ifMatch);
      }
      publications.put(entityTag, publication);
      return new PublishOutcome.Published(entityTag, expires);
    } catch (StoreException e) {
      LOG.error("Cannot store a publication of {}", presentity, e);
      return new PublishOutcome.NotStored();
    }
  }

  /**
   * Forgets the publications of {@code presentity} lapsed at {@code now}.
   *
   * @return whether there were any, so its watchers must be told
   */
  public synchronized boolean sweep(String presentity, Instant now) {
    Map<String, Publication> publications = byPresentity.get(presentity);
    return publications != null && dropLapsed(publications, now);
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

  private boolean dropLapsed(Map<String, Publication> publications, Instant now) {
    List<Publication> lapsed = new ArrayList<>();
    for (Publication publication : publications.values()) {
      if (!publication.expiresAt().isAfter(now)) {
        lapsed.add(publication);
      }
    }
    for (Publication publication : lapsed) {
      publications.remove(publication.entityTag());
      try {
        durable.remove(publication.entityTag());
      } catch (StoreException e) {
        // Harmless: a lapsed row is dropped when the publications are next loaded.
        LOG.warn("Cannot forget a lapsed publication: {}", e.getMessage());
      }
    }
    return !lapsed.isEmpty();
  }

  private static StoredPublication stored(String presentity, Publication publication) {
    return new StoredPublication(
        publication.entityTag(),
        presentity,
        Pidf.CONTENT_TYPE,
        publication.document(),
        publication.expiresAt(),
        publication.modifiedAt());
  }

  private static String newEntityTag() {
    byte[] bytes = new byte[9];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}

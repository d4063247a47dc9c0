package org.parley.server.auth;

import java.nio.ByteBuffer;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces without a table of issued nonces.
 *
 * <p>A nonce carries its issue time and a sequence number, sealed with an HMAC under a key that
 * lives only in this process: a forged or altered nonce fails the MAC, an old one is stale. The
 * sequence number indexes a fixed ring of "highest nonce-count seen", which rejects replays in
 * constant memory (the shape Kamailio's auth module uses); a nonce whose ring slot has been reused
 * is treated as stale, so the client simply authenticates again.
 */
public final class NonceService {

  /** What a presented nonce turned out to be. */
  public enum Verdict {
    /** Issued here, fresh, and this nonce-count was not used before. */
    VALID,
    /** Issued here but too old, or its replay slot was recycled: challenge with stale=true. */
    STALE,
    /** This nonce-count (or a higher one) was already used: a replay. */
    REPLAYED,
    /** Not issued by this process (forged, corrupted, or from before a restart). */
    UNKNOWN
  }

  private static final int MAC_BYTES = 12;
  private static final int NONCE_BYTES = Long.BYTES + Integer.BYTES + MAC_BYTES;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;
  // Mac.getInstance is a provider lookup; one initialised Mac per thread keeps it off the hot path.
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  // The last nonce whose MAC this thread verified: the same text always has the same MAC.
  private final ThreadLocal<String> lastGenuine = new ThreadLocal<>();
  private final Duration lifetime;
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicLongArray highestCount;
  private final int ringMask;

  /**
   * Creates a service with a fresh random key.
   *
   * @param lifetime how long a nonce stays valid
   * @param ringSizePowerOfTwo replay slots; nonces issued more than this many nonces ago go stale
   */
  public NonceService(Duration lifetime, int ringSizePowerOfTwo) {
    if (Integer.bitCount(ringSizePowerOfTwo) != 1) {
      throw new IllegalArgumentException("Ring size must be a power of two: " + ringSizePowerOfTwo);
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.lifetime = lifetime;
    this.highestCount = new AtomicLongArray(ringSizePowerOfTwo);
    this.ringMask = ringSizePowerOfTwo - 1;
  }

  /** A new nonce for a challenge issued at {@code now}. */
  public String issue(Instant now) {
    int number = sequence.getAndIncrement();
    highestCount.set(number & ringMask, 0);
    ByteBuffer buffer = ByteBuffer.allocate(NONCE_BYTES);
    buffer.putLong(now.getEpochSecond()).putInt(number);
    buffer.put(mac(buffer.array(), Long.BYTES + Integer.BYTES));
    return ENCODER.encodeToString(buffer.array());
  }

  /** Checks the nonce's origin and age, without using up a nonce-count. */
  public Verdict check(String nonce, Instant now) {
    ByteBuffer buffer = decode(nonce);
    if (buffer == null) {
      return Verdict.UNKNOWN;
    }
    long issuedAtSeconds = buffer.getLong(0);
    int number = buffer.getInt(Long.BYTES);
    if (now.getEpochSecond() - issuedAtSeconds > lifetime.toSeconds()
        || issuedAtSeconds > now.getEpochSecond() + 5
        || sequence.get() - number > ringMask) {
      return Verdict.STALE;
    }
    return Verdict.VALID;
  }

  /**
   * Records a nonce-count for a nonce that passed {@link #check}; each count is accepted once and
   * counts must rise (RFC 7616 §3.4).
   */
  public Verdict useCount(String nonce, long nonceCount) {
    ByteBuffer buffer = decode(nonce);
    if (buffer == null) {
      return Verdict.UNKNOWN;
    }
    int number = buffer.getInt(Long.BYTES);
    if (sequence.get() - number > ringMask) {
      return Verdict.STALE;
    }
    int slot = number & ringMask;
    while (true) {
      long highest = highestCount.get(slot);
      if (nonceCount <= highest) {
        return Verdict.REPLAYED;
      }
      if (highestCount.compareAndSet(slot, highest, nonceCount)) {
        return Verdict.VALID;
      }
    }
  }

  private ByteBuffer decode(String nonce) {
    if (nonce == null || nonce.length() > 64) {
      return null;
    }
    byte[] bytes;
    try {
      bytes = DECODER.decode(nonce);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (bytes.length != NONCE_BYTES) {
      return null;
    }
    if (nonce.equals(lastGenuine.get())) {
      return ByteBuffer.wrap(bytes); // check() then useCount(): one MAC per request is enough
    }
    byte[] expected = mac(bytes, Long.BYTES + Integer.BYTES);
    byte[] presented = Arrays.copyOfRange(bytes, NONCE_BYTES - MAC_BYTES, NONCE_BYTES);
    if (!MessageDigest.isEqual(expected, presented)) {
      return null;
    }
    lastGenuine.set(nonce);
    return ByteBuffer.wrap(bytes);
  }

  private byte[] mac(byte[] data, int length) {
    Mac hmac = macs.get();
    hmac.update(data, 0, length);
    return Arrays.copyOf(hmac.doFinal(), MAC_BYTES);
  }

  private Mac newMac() {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(key);
      return hmac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // HmacSHA256 is required of every Java runtime, and the key is always 32 bytes.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}

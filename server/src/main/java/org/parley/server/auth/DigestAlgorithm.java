package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The hash functions of HTTP/SIP digest authentication (RFC 7616 §3.3), by their token. */
public enum DigestAlgorithm {
  MD5("MD5", "MD5"),
  SHA_256("SHA-256", "SHA-256");

  private final String token;
  private final String jcaName;
  // MessageDigest.getInstance is a provider lookup; reuse one instance per thread.
  private final ThreadLocal<MessageDigest> digests;

  DigestAlgorithm(String token, String jcaName) {
    this.token = token;
    this.jcaName = jcaName;
    this.digests = ThreadLocal.withInitial(this::newDigest);
  }

  /** The value of the {@code algorithm} parameter, as written in challenges. */
  public String token() {
    return token;
  }

  /** Finds the algorithm for a challenge or credentials parameter; the match ignores case. */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.token.equalsIgnoreCase(token.strip())) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** Lower-case hex of the hash of the UTF-8 bytes of {@code data}: RFC 7616's H(data). */
  public String hash(String data) {
    byte[] hash = digests.get().digest(data.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash).toLowerCase(Locale.ROOT);
  }

  private MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide MD5 and SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException(jcaName + " is missing from this Java runtime", e);
    }
  }
}

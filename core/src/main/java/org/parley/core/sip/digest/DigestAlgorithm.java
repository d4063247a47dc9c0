package org.parley.core.sip.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The digest hash functions a client answers with (RFC 7616 §3.3, RFC 8760), strongest last so that
 * {@code compareTo} ranks them.
 */
public enum DigestAlgorithm {
  MD5("MD5", "MD5", false),
  MD5_SESS("MD5-sess", "MD5", true),
  SHA_256("SHA-256", "SHA-256", false),
  SHA_256_SESS("SHA-256-sess", "SHA-256", true);

  private final String token;
  private final String jcaName;
  private final boolean session;

  DigestAlgorithm(String token, String jcaName, boolean session) {
    this.token = token;
    this.jcaName = jcaName;
    this.session = session;
  }

  /** The {@code algorithm} parameter's value. */
  public String token() {
    return token;
  }

  /** Whether HA1 is bound to the nonce and cnonce (the "-sess" variants). */
  public boolean session() {
    return session;
  }

  /** The algorithm a challenge names (a missing parameter means MD5, RFC 7616 §3.3). */
  public static Optional<DigestAlgorithm> fromToken(String token) {
    if (token == null) {
      return Optional.of(MD5);
    }
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.token.equalsIgnoreCase(token.strip())) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  /** RFC 7616's H(data): lower-case hex of the hash of the UTF-8 bytes. */
  public String hash(String data) {
    return hash(data.getBytes(StandardCharsets.UTF_8));
  }

  String hash(byte[] data) {
    try {
      byte[] hash = MessageDigest.getInstance(jcaName).digest(data);
      return HexFormat.of().formatHex(hash).toLowerCase(Locale.ROOT);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide MD5 and SHA-256 (MessageDigest's contract).
      throw new IllegalStateException(jcaName + " is missing from this Java runtime", e);
    }
  }
}

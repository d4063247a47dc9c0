package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks SIP digest credentials (RFC 3261 §22, RFC 7616 with {@code qop=auth}, RFC 8760) against
 * stored HA1 values, and writes the challenges.
 *
 * <p>An unknown user and a known user with a wrong password take the same path: the response is
 * compared against a decoy HA1, so both get the same challenge after the same work.
 */
public final class DigestAuthenticator {

  private static final Pattern NONCE_COUNT = Pattern.compile("[0-9a-fA-F]{8}");

  private final String realm;
  private final List<DigestAlgorithm> algorithms;
  private final NonceService nonces;
  private final UserDigests users;
  private final Clock clock;
  private final String decoyHa1Md5;
  private final String decoyHa1Sha256;

  /**
   * Creates an authenticator.
   *
   * @param realm the realm of every challenge: the server's domain
   * @param algorithms offered algorithms, most preferred first
   */
  public DigestAuthenticator(
      String realm,
      List<DigestAlgorithm> algorithms,
      NonceService nonces,
      UserDigests users,
      Clock clock) {
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("At least one digest algorithm is needed");
    }
    this.realm = realm;
    this.algorithms = List.copyOf(algorithms);
    this.nonces = nonces;
    this.users = users;
    this.clock = clock;
    byte[] random = new byte[16];
    new SecureRandom().nextBytes(random);
    String decoyPassword = HexFormat.of().formatHex(random);
    this.decoyHa1Md5 =
        DigestCredentials.ha1(DigestAlgorithm.MD5, "decoy", realm, decoyPassword.toCharArray());
    this.decoyHa1Sha256 =
        DigestCredentials.ha1(DigestAlgorithm.SHA_256, "decoy", realm, decoyPassword.toCharArray());
  }

  public String realm() {
    return realm;
  }

  /** One challenge: the parameters of a {@code WWW-Authenticate}/{@code Proxy-Authenticate}. */
  public record Challenge(String realm, String nonce, DigestAlgorithm algorithm, boolean stale) {

    /** The header value, for stacks that take text. */
    public String toHeaderValue() {
      return "Digest realm=\""
          + realm
          + "\", nonce=\""
          + nonce
          + "\", algorithm="
          + algorithm.token()
          + ", qop=\"auth\""
          + (stale ? ", stale=true" : "");
    }
  }

  /** A new challenge per offered algorithm, most preferred first, sharing one fresh nonce. */
  public List<Challenge> newChallenges(boolean stale) {
    String nonce = nonces.issue(clock.instant());
    List<Challenge> challenges = new ArrayList<>(algorithms.size());
    for (DigestAlgorithm algorithm : algorithms) {
      challenges.add(new Challenge(realm, nonce, algorithm, stale));
    }
    return challenges;
  }

  /** The header values of {@link #newChallenges}. */
  public List<String> challenges(boolean stale) {
    return newChallenges(stale).stream().map(Challenge::toHeaderValue).toList();
  }

  /**
   * Checks one set of credentials for a request.
   *
   * @param credentials the client's digest parameters, or empty when it sent none for our realm
   * @param method the request method, which enters the digest
   */
  public AuthOutcome authenticate(Optional<DigestParameters> credentials, String method)
      throws AuthLookupException {
    if (credentials.isEmpty()) {
      return new AuthOutcome.Challenge(false);
    }
    DigestParameters digest = credentials.get();
    if (digest.username() == null
        || digest.nonce() == null
        || digest.uri() == null
        || digest.response() == null) {
      return new AuthOutcome.Malformed("Digest credentials need username, nonce, uri and response");
    }
    if (!realm.equals(digest.realm())) {
      return new AuthOutcome.Challenge(false);
    }
    Optional<DigestAlgorithm> algorithm =
        DigestAlgorithm.fromToken(digest.algorithm() == null ? "MD5" : digest.algorithm());
    if (algorithm.isEmpty() || !algorithms.contains(algorithm.get())) {
      return new AuthOutcome.Challenge(false);
    }
    boolean withQop = digest.qop() != null;
    if (withQop
        && (!"auth".equals(digest.qop().toLowerCase(Locale.ROOT))
            || digest.cnonce() == null
            || digest.nonceCount() == null
            || !NONCE_COUNT.matcher(digest.nonceCount()).matches())) {
      return new AuthOutcome.Malformed("qop=auth needs cnonce and an 8-digit hex nc");
    }
    NonceService.Verdict nonceVerdict = nonces.check(digest.nonce(), clock.instant());
    if (nonceVerdict == NonceService.Verdict.UNKNOWN) {
      return new AuthOutcome.Challenge(false);
    }
    if (!responseMatches(digest, algorithm.get(), method, withQop)) {
      return new AuthOutcome.Challenge(false);
    }
    if (nonceVerdict == NonceService.Verdict.STALE) {
      return new AuthOutcome.Challenge(true);
    }
    // Without qop there is no nc: such a nonce is good for exactly one request.
    long count = withQop ? Long.parseLong(digest.nonceCount(), 16) : 1;
    NonceService.Verdict countVerdict = nonces.useCount(digest.nonce(), count);
    if (countVerdict != NonceService.Verdict.VALID) {
      return new AuthOutcome.Challenge(true);
    }
    return new AuthOutcome.Authenticated(digest.username());
  }

  private boolean responseMatches(
      DigestParameters digest, DigestAlgorithm algorithm, String method, boolean withQop)
      throws AuthLookupException {
    Optional<String> storedHa1 = users.ha1(digest.username(), algorithm);
    if (storedHa1.isPresent() && ha1Matches(digest, algorithm, method, withQop, storedHa1.get())) {
      return true;
    }
    // The cached digest may predate a password change: ask once more, past the cache. An unknown
    // user (already looked up past the cache) gets the same work on a decoy, so that the time
    // taken does not tell which names exist.
    String decoy = algorithm == DigestAlgorithm.MD5 ? decoyHa1Md5 : decoyHa1Sha256;
    if (storedHa1.isPresent()) {
      storedHa1 = users.currentHa1(digest.username(), algorithm);
    } else {
      ha1Matches(digest, algorithm, method, withQop, decoy);
    }
    return ha1Matches(digest, algorithm, method, withQop, storedHa1.orElse(decoy))
        && storedHa1.isPresent();
  }

  private static boolean ha1Matches(
      DigestParameters digest,
      DigestAlgorithm algorithm,
      String method,
      boolean withQop,
      String ha1) {
    String expected =
        withQop
            ? DigestCredentials.response(
                algorithm,
                ha1,
                method,
                digest.uri(),
                digest.nonce(),
                digest.nonceCount(),
                digest.cnonce())
            : algorithm.hash(
                ha1 + ":" + digest.nonce() + ":" + algorithm.hash(method + ":" + digest.uri()));
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        digest.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }
}

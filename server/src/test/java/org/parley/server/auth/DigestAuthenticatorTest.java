package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.MutableClock;

class DigestAuthenticatorTest {

  private static final String REALM = "office.example";
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final Map<String, char[]> passwords = Map.of("alice", "wonderland".toCharArray());
  private final UserDigests users =
      (name, algorithm) ->
          Optional.ofNullable(passwords.get(name))
              .map(password -> DigestCredentials.ha1(algorithm, name, REALM, password));
  private final DigestAuthenticator authenticator =
      new DigestAuthenticator(
          REALM,
          List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
          new NonceService(Duration.ofSeconds(300), 1 << 10),
          users,
          clock);

  private String freshNonce() {
    Matcher matcher = NONCE.matcher(authenticator.challenges(false).get(0));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  private static DigestParameters answer(
      DigestAlgorithm algorithm, String user, String password, String nonce, String nc) {
    String ha1 = DigestCredentials.ha1(algorithm, user, REALM, password.toCharArray());
    String uri = "sip:office.example";
    String response =
        DigestCredentials.response(algorithm, ha1, "REGISTER", uri, nonce, nc, "0a4f113b");
    return new DigestParameters(
        user, REALM, nonce, uri, response, algorithm.token(), "0a4f113b", nc, "auth");
  }

  private AuthOutcome check(DigestParameters parameters) throws AuthLookupException {
    return authenticator.authenticate(Optional.of(parameters), "REGISTER");
  }

  @Test
  void challengesOfferSha256FirstThenMd5WithOneNonce() {
    List<String> challenges = authenticator.challenges(false);

    assertThat(challenges).hasSize(2);
    assertThat(challenges.get(0))
        .startsWith("Digest realm=\"office.example\"")
        .contains("algorithm=SHA-256", "qop=\"auth\"")
        .doesNotContain("stale");
    assertThat(challenges.get(1)).contains("algorithm=MD5");
    Matcher first = NONCE.matcher(challenges.get(0));
    Matcher second = NONCE.matcher(challenges.get(1));
    assertThat(first.find() && second.find()).isTrue();
    assertThat(first.group(1)).isEqualTo(second.group(1));
  }

  @Test
  void requestWithoutCredentialsIsChallenged() throws Exception {
    assertThat(authenticator.authenticate(Optional.empty(), "REGISTER"))
        .isEqualTo(new AuthOutcome.Challenge(false));
  }

  @Test
  void rightPasswordAuthenticatesWithEitherAlgorithm() throws Exception {
    for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
      AuthOutcome outcome =
          check(answer(algorithm, "alice", "wonderland", freshNonce(), "00000001"));

      assertThat(outcome).as(algorithm.token()).isEqualTo(new AuthOutcome.Authenticated("alice"));
    }
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() throws Exception {
    AuthOutcome wrongPassword =
        check(answer(DigestAlgorithm.MD5, "alice", "guess", freshNonce(), "00000001"));
    AuthOutcome unknownUser =
        check(answer(DigestAlgorithm.MD5, "mallory", "guess", freshNonce(), "00000001"));

    assertThat(wrongPassword).isEqualTo(new AuthOutcome.Challenge(false));
    assertThat(unknownUser).isEqualTo(wrongPassword);
  }

  @Test
  void aNewPasswordWorksAtOnceEvenWhileTheCacheStillHoldsTheOldOne() throws Exception {
    List<String> currentLookups = new java.util.ArrayList<>();
    UserDigests cachedBeforeAPasswordChange =
        new UserDigests() {
          @Override
          public Optional<String> ha1(String name, DigestAlgorithm algorithm) {
            return Optional.of(
                DigestCredentials.ha1(algorithm, name, REALM, "old-password".toCharArray()));
          }

          @Override
          public Optional<String> currentHa1(String name, DigestAlgorithm algorithm) {
            currentLookups.add(name);
            return Optional.of(
                DigestCredentials.ha1(algorithm, name, REALM, "new-password".toCharArray()));
          }
        };
    DigestAuthenticator changed =
        new DigestAuthenticator(
            REALM,
            List.of(DigestAlgorithm.MD5),
            new NonceService(Duration.ofSeconds(300), 1 << 10),
            cachedBeforeAPasswordChange,
            clock);
    String nonce =
        NONCE
            .matcher(changed.challenges(false).get(0))
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);

    AuthOutcome outcome =
        changed.authenticate(
            Optional.of(answer(DigestAlgorithm.MD5, "alice", "new-password", nonce, "00000001")),
            "REGISTER");

    assertThat(outcome).isEqualTo(new AuthOutcome.Authenticated("alice"));
    assertThat(currentLookups).containsExactly("alice");
  }

  @Test
  void replayedNonceCountIsRefusedButTheNextCountWorks() throws Exception {
    String nonce = freshNonce();
    DigestParameters first =
        answer(DigestAlgorithm.SHA_256, "alice", "wonderland", nonce, "00000001");

    assertThat(check(first)).isInstanceOf(AuthOutcome.Authenticated.class);
    assertThat(check(first)).isEqualTo(new AuthOutcome.Challenge(true));
    assertThat(check(answer(DigestAlgorithm.SHA_256, "alice", "wonderland", nonce, "00000002")))
        .isInstanceOf(AuthOutcome.Authenticated.class);
  }

  @Test
  void expiredNonceIsStaleOnlyWhenTheDigestIsRight() throws Exception {
    String nonce = freshNonce();
    clock.advance(Duration.ofSeconds(301));

    assertThat(check(answer(DigestAlgorithm.MD5, "alice", "wonderland", nonce, "00000001")))
        .isEqualTo(new AuthOutcome.Challenge(true));
    assertThat(check(answer(DigestAlgorithm.MD5, "alice", "guess", nonce, "00000001")))
        .isEqualTo(new AuthOutcome.Challenge(false));
  }

  @Test
  void forgedNonceIsChallengedAfresh() throws Exception {
    String forged = freshNonce().substring(1) + "A";

    assertThat(check(answer(DigestAlgorithm.MD5, "alice", "wonderland", forged, "00000001")))
        .isEqualTo(new AuthOutcome.Challenge(false));
  }

  @Test
  void otherRealmIsChallenged() throws Exception {
    DigestParameters right =
        answer(DigestAlgorithm.MD5, "alice", "wonderland", freshNonce(), "00000001");
    DigestParameters otherRealm =
        new DigestParameters(
            right.username(),
            "elsewhere.example",
            right.nonce(),
            right.uri(),
            right.response(),
            right.algorithm(),
            right.cnonce(),
            right.nonceCount(),
            right.qop());

    assertThat(check(otherRealm)).isEqualTo(new AuthOutcome.Challenge(false));
  }

  @Test
  void malformedNonceCountIsABadRequest() throws Exception {
    DigestParameters right =
        answer(DigestAlgorithm.MD5, "alice", "wonderland", freshNonce(), "00000001");
    DigestParameters badCount =
        new DigestParameters(
            right.username(),
            right.realm(),
            right.nonce(),
            right.uri(),
            right.response(),
            right.algorithm(),
            right.cnonce(),
            "1",
            right.qop());

    assertThat(check(badCount)).isInstanceOf(AuthOutcome.Malformed.class);
  }

  @Test
  void algorithmThatIsNotOfferedIsChallenged() throws Exception {
    DigestAuthenticator sha256Only =
        new DigestAuthenticator(
            REALM,
            List.of(DigestAlgorithm.SHA_256),
            new NonceService(Duration.ofSeconds(60), 16),
            users,
            clock);
    String nonce =
        NONCE
            .matcher(sha256Only.challenges(false).get(0))
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);

    assertThat(
            sha256Only.authenticate(
                Optional.of(answer(DigestAlgorithm.MD5, "alice", "wonderland", nonce, "00000001")),
                "REGISTER"))
        .isEqualTo(new AuthOutcome.Challenge(false));
  }

  @Test
  void credentialsWithoutQopWorkOnceForOldClients() throws Exception {
    String nonce = freshNonce();
    String ha1 =
        DigestCredentials.ha1(DigestAlgorithm.MD5, "alice", REALM, "wonderland".toCharArray());
    String ha2 = DigestAlgorithm.MD5.hash("REGISTER:sip:office.example");
    String response = DigestAlgorithm.MD5.hash(ha1 + ":" + nonce + ":" + ha2);
    DigestParameters rfc2069 =
        new DigestParameters(
            "alice", REALM, nonce, "sip:office.example", response, null, null, null, null);

    assertThat(check(rfc2069)).isEqualTo(new AuthOutcome.Authenticated("alice"));
    assertThat(check(rfc2069)).isEqualTo(new AuthOutcome.Challenge(true));
  }
}

package org.parley.core.sip.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

  @Test
  void parsesQuotedAndTokenParameters() {
    DigestChallenge challenge =
        DigestChallenge.parse(
                true,
                "Digest realm=\"office.example\", nonce=\"n,1\", qop=\"auth,auth-int\","
                    + " algorithm=SHA-256, stale=TRUE, opaque=\"o\\\"q\"")
            .orElseThrow();

    assertThat(challenge.proxy()).isTrue();
    assertThat(challenge.realm()).isEqualTo("office.example");
    assertThat(challenge.nonce()).isEqualTo("n,1");
    assertThat(challenge.qops()).containsExactly("auth", "auth-int");
    assertThat(challenge.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
    assertThat(challenge.stale()).isTrue();
    assertThat(challenge.opaque()).contains("o\"q");
  }

  @Test
  void missingAlgorithmMeansMd5() {
    assertThat(DigestChallenge.parse(false, "Digest realm=\"r\", nonce=\"n\"").orElseThrow())
        .extracting(DigestChallenge::algorithm)
        .isEqualTo(DigestAlgorithm.MD5);
  }

  @Test
  void unanswerableChallengesAreEmpty() {
    assertThat(DigestChallenge.parse(false, "Basic realm=\"r\"")).isEmpty();
    assertThat(DigestChallenge.parse(false, "Digest realm=\"r\"")).isEmpty();
    assertThat(DigestChallenge.parse(false, "Digest realm=\"r\", nonce=\"n\", algorithm=AKAv1"))
        .isEmpty();
    assertThat(DigestChallenge.parse(false, "Digest realm=\"r\", nonce=\"unterminated"))
        .isPresent();
    assertThat(DigestChallenge.parse(false, "Digest")).isEmpty();
  }

  @Test
  void strongestPrefersSha256OverMd5WhateverTheOrder() {
    DigestChallenge md5 =
        DigestChallenge.parse(false, "Digest realm=\"r\", nonce=\"a\", algorithm=MD5")
            .orElseThrow();
    DigestChallenge sha =
        DigestChallenge.parse(false, "Digest realm=\"r\", nonce=\"b\", algorithm=SHA-256")
            .orElseThrow();

    assertThat(DigestChallenge.strongest(List.of(md5, sha))).contains(sha);
    assertThat(DigestChallenge.strongest(List.of(sha, md5))).contains(sha);
    assertThat(DigestChallenge.strongest(List.of())).isEmpty();
  }
}

package org.parley.core.sip.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The response hashes of RFC 7616 §3.9.1's worked example, and the header that carries them. */
class DigestResponseTest {

  private static final String REALM = "http-auth@example.org";
  private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
  private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  private static DigestChallenge rfcChallenge(DigestAlgorithm algorithm) {
    return new DigestChallenge(
        false, REALM, NONCE, Optional.of(OPAQUE), algorithm, List.of("auth", "auth-int"), false);
  }

  private static DigestResponse rfcAnswer(DigestAlgorithm algorithm) {
    return DigestResponse.answer(
        rfcChallenge(algorithm),
        "Mufasa",
        "Circle of Life".toCharArray(),
        "GET",
        "/dir/index.html",
        null,
        CNONCE,
        1);
  }

  @Test
  void md5ResponseMatchesRfc7616Example() {
    assertThat(rfcAnswer(DigestAlgorithm.MD5).response())
        .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void sha256ResponseMatchesRfc7616Example() {
    assertThat(rfcAnswer(DigestAlgorithm.SHA_256).response())
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void headerCarriesQopNonceCountAndOpaque() {
    assertThat(rfcAnswer(DigestAlgorithm.SHA_256).headerValue())
        .isEqualTo(
            "Digest username=\"Mufasa\", realm=\"http-auth@example.org\", nonce=\""
                + NONCE
                + "\", uri=\"/dir/index.html\", response=\""
                + "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"
                + "\", algorithm=SHA-256, opaque=\""
                + OPAQUE
                + "\", qop=auth, nc=00000001, cnonce=\""
                + CNONCE
                + "\"");
  }

  @Test
  void withoutQopTheResponseIsRfc2069Style() {
    DigestChallenge challenge =
        new DigestChallenge(
            false, REALM, NONCE, Optional.empty(), DigestAlgorithm.MD5, List.of(), false);
    DigestResponse answer =
        DigestResponse.answer(
            challenge, "Mufasa", "Circle of Life".toCharArray(), "GET", "/x", null, CNONCE, 1);

    MdHelper md5 = new MdHelper(DigestAlgorithm.MD5);
    String ha1 = md5.h("Mufasa:" + REALM + ":Circle of Life");
    String ha2 = md5.h("GET:/x");
    assertThat(answer.response()).isEqualTo(md5.h(ha1 + ":" + NONCE + ":" + ha2));
    assertThat(answer.headerValue()).doesNotContain("qop=").doesNotContain("cnonce");
  }

  @Test
  void sessionVariantBindsHa1ToBothNonces() {
    DigestChallenge challenge =
        new DigestChallenge(
            false,
            REALM,
            NONCE,
            Optional.empty(),
            DigestAlgorithm.SHA_256_SESS,
            List.of("auth"),
            false);
    DigestResponse answer =
        DigestResponse.answer(
            challenge, "Mufasa", "Circle of Life".toCharArray(), "GET", "/x", null, CNONCE, 2);

    MdHelper sha = new MdHelper(DigestAlgorithm.SHA_256);
    String ha1 = sha.h(sha.h("Mufasa:" + REALM + ":Circle of Life") + ":" + NONCE + ":" + CNONCE);
    String expected = sha.h(ha1 + ":" + NONCE + ":00000002:" + CNONCE + ":auth:" + sha.h("GET:/x"));
    assertThat(answer.response()).isEqualTo(expected);
  }

  /** An independent H() so the -sess and no-qop checks do not reuse the code under test. */
  private record MdHelper(DigestAlgorithm algorithm) {
    String h(String data) {
      try {
        var digest =
            java.security.MessageDigest.getInstance(
                algorithm == DigestAlgorithm.MD5 ? "MD5" : "SHA-256");
        return java.util.HexFormat.of()
            .formatHex(digest.digest(data.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

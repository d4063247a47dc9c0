package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The worked example of RFC 7616 §3.9.1 (user Mufasa, password "Circle of Life"). */
class DigestCredentialsTest {

  private static final String REALM = "http-auth@example.org";
  private static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
  private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

  @Test
  void md5ResponseMatchesTheRfcExample() {
    String ha1 =
        DigestCredentials.ha1(DigestAlgorithm.MD5, "Mufasa", REALM, "Circle of Life".toCharArray());

    String response =
        DigestCredentials.response(
            DigestAlgorithm.MD5, ha1, "GET", "/dir/index.html", NONCE, "00000001", CNONCE);

    assertThat(response).isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void sha256ResponseMatchesTheRfcExample() {
    String ha1 =
        DigestCredentials.ha1(
            DigestAlgorithm.SHA_256, "Mufasa", REALM, "Circle of Life".toCharArray());

    String response =
        DigestCredentials.response(
            DigestAlgorithm.SHA_256, ha1, "GET", "/dir/index.html", NONCE, "00000001", CNONCE);

    assertThat(response)
        .isEqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
  }

  @Test
  void algorithmTokensAreMatchedWithoutCase() {
    assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
    assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
    assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isEmpty();
  }

  @Test
  void ha1DependsOnTheRealm() {
    char[] password = "pw".toCharArray();
    assertThat(DigestCredentials.ha1(DigestAlgorithm.MD5, "alice", "a.example", password))
        .isNotEqualTo(DigestCredentials.ha1(DigestAlgorithm.MD5, "alice", "b.example", password));
  }
}

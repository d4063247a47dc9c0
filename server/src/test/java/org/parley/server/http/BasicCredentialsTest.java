package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsAtTheFirstColonSoPasswordsMayHoldColons() {
    BasicCredentials credentials = BasicCredentials.parse(basic("bob:pa:ss wörd")).orElseThrow();
    assertThat(credentials.user()).isEqualTo("bob");
    assertThat(new String(credentials.password())).isEqualTo("pa:ss wörd");
    assertThat(credentials.toString()).doesNotContain("pa:ss");
  }

  @Test
  void malformedHeadersAreNoCredentials() {
    assertThat(BasicCredentials.parse(null)).isEmpty();
    assertThat(BasicCredentials.parse("Digest username=bob")).isEmpty();
    assertThat(BasicCredentials.parse("Basic !!!not-base64")).isEmpty();
    assertThat(BasicCredentials.parse(basic("no-colon"))).isEmpty();
    assertThat(BasicCredentials.parse(basic(":password"))).isEmpty();
    byte[] notUtf8 = {'b', 'o', 'b', ':', (byte) 0xff};
    assertThat(BasicCredentials.parse("Basic " + Base64.getEncoder().encodeToString(notUtf8)))
        .isEmpty();
  }
}

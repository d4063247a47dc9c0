package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ApiAddressTest {

  @Test
  void httpsAnywhereIsAcceptedAndEndsInASlash() {
    assertThat(ApiAddress.parse(" https://pbx.example.com:8081 "))
        .isEqualTo(URI.create("https://pbx.example.com:8081/"));
    assertThat(ApiAddress.parse("https://[2001:db8::5]/voicemail/"))
        .isEqualTo(URI.create("https://[2001:db8::5]/voicemail/"));
  }

  @Test
  void plainHttpIsAcceptedForThisMachineOnly() {
    assertThat(ApiAddress.parse("http://127.0.0.1:8080")).hasToString("http://127.0.0.1:8080/");
    assertThat(ApiAddress.parse("http://127.0.0.2:8080/")).hasToString("http://127.0.0.2:8080/");
    assertThat(ApiAddress.parse("http://localhost:8080/")).hasToString("http://localhost:8080/");
    assertThat(ApiAddress.parse("http://[::1]:8080/")).hasToString("http://[::1]:8080/");
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedWithTheReason() {
    assertThatThrownBy(() -> ApiAddress.parse("http://192.0.2.10:8080/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unencrypted");
    // A name is never taken for this machine, even one that might resolve to loopback.
    assertThatThrownBy(() -> ApiAddress.parse("http://localhost.attacker.example/"))
        .hasMessageContaining("unencrypted");
  }

  @Test
  void malformedAddressesAreRefused() {
    assertThatThrownBy(() -> ApiAddress.parse("pbx.example.com:8081"))
        .hasMessageContaining("https://");
    assertThatThrownBy(() -> ApiAddress.parse("ftp://pbx.example.com/"))
        .hasMessageContaining("must start with https://");
    assertThatThrownBy(() -> ApiAddress.parse("https://bob:pw@pbx.example.com/"))
        .hasMessageContaining("needs a host");
    assertThatThrownBy(() -> ApiAddress.parse("https://pbx.example.com/?x=1"))
        .hasMessageContaining("?query");
    assertThatThrownBy(() -> ApiAddress.parse("https://pbx example/"))
        .hasMessageContaining("Not an address");
  }

  @Test
  void safetyIsJudgedFromSchemeAndHost() {
    assertThat(ApiAddress.sendsPasswordSafely(URI.create("https://192.0.2.10/"))).isTrue();
    assertThat(ApiAddress.sendsPasswordSafely(URI.create("http://127.0.0.1/"))).isTrue();
    assertThat(ApiAddress.sendsPasswordSafely(URI.create("http://192.0.2.10/"))).isFalse();
    assertThat(ApiAddress.sendsPasswordSafely(URI.create("http://pbx.example.com/"))).isFalse();
  }
}

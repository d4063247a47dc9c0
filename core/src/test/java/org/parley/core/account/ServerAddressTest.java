package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

  @Test
  void readsHostPortAndSipUris() {
    assertThat(ServerAddress.parse("Proxy.Example", 5061))
        .isEqualTo(new ServerAddress("proxy.example", 5061));
    assertThat(ServerAddress.parse("127.0.0.1:5070", 5060))
        .isEqualTo(new ServerAddress("127.0.0.1", 5070));
    assertThat(ServerAddress.parse("sip:p.example:5080;transport=tcp;lr", 5060))
        .isEqualTo(new ServerAddress("p.example", 5080));
    assertThat(ServerAddress.parse("[2001:db8::1]:5062", 5060))
        .isEqualTo(new ServerAddress("2001:db8::1", 5062));
    assertThat(ServerAddress.parse("2001:db8::1", 5060).port()).isEqualTo(5060);
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> ServerAddress.parse("host:port", 5060))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host:port");
    assertThatThrownBy(() -> ServerAddress.parse("host:70000", 5060))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ServerAddress.parse("[::1", 5060))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

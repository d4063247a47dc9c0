package org.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralsTest {

  @Test
  void recognisesIpv4AndIpv6Literals() {
    assertThat(IpLiterals.parse("127.0.0.1")).isPresent();
    assertThat(IpLiterals.parse("::1")).isPresent();
    assertThat(IpLiterals.parse("[2001:db8::1]")).isPresent();
  }

  @Test
  void rejectsNamesAndMalformedAddressesWithoutLookingThemUp() {
    assertThat(IpLiterals.parse("localhost")).isEmpty();
    assertThat(IpLiterals.parse("256.1.1.1")).isEmpty();
    assertThat(IpLiterals.parse("1.2.3")).isEmpty();
    assertThat(IpLiterals.parse("fe80::zz")).isEmpty();
    assertThat(IpLiterals.parse("[]")).isEmpty();
  }
}

package org.parley.app.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallLinkTest {

  @ParameterizedTest
  @CsvSource({
    "sip:bob@example.com, sip:bob@example.com",
    "' SIP:bob@example.com ', sip:bob@example.com",
    "sips:bob@example.com;transport=tls, sips:bob@example.com;transport=tls",
    "sip://bob@example.com, sip:bob@example.com",
    "sip:example.com, sip:example.com"
  })
  void aSipLinkIsCalledAsItIs(String link, String target) {
    assertThat(CallLink.parse(link).target("office.example")).isEqualTo(target);
  }

  @ParameterizedTest
  @CsvSource({
    "tel:+4930123, sip:+4930123@office.example;user=phone",
    "tel:+49-30-(123).45, sip:+493012345@office.example;user=phone",
    "tel:+1-555-0100, sip:+15550100@office.example;user=phone",
    "tel:7042;phone-context=example.com, sip:7042@office.example;user=phone",
    "TEL:110, sip:110@office.example;user=phone"
  })
  void aTelLinkIsCalledAsAPhoneNumberAtTheAccountsDomain(String link, String target) {
    assertThat(CallLink.parse(link).target("office.example")).isEqualTo(target);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"tel:", "tel:call-me", "tel:+49 30 abc x", "sip:", "sip:bob@", "sip:a b@c"})
  void aLinkThatCannotBeCalledIsRefusedWithAnExample(String link) {
    assertThatThrownBy(() -> CallLink.parse(link))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("try ");
  }

  @Test
  void otherSchemesAreNotLinks() {
    assertThat(CallLink.isLink("server")).isFalse();
    assertThat(CallLink.isLink("https://example.com")).isFalse();
    assertThat(CallLink.isLink("tel:110")).isTrue();
    assertThatThrownBy(() -> CallLink.parse("mailto:bob@example.com"))
        .hasMessage("“mailto:bob@example.com” is not a sip:, sips: or tel: link");
  }
}

package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DialTargetTest {

  @ParameterizedTest
  @CsvSource({
    "'1234', 1234",
    "'+49 30 1234-56', +4930123456",
    "'(030) 12.34', 0301234",
    "'*97#', *97#",
    "'echo', echo",
    "'alice@example.com', sip:alice@example.com",
    "'SIP:alice@example.com:5070', sip:alice@example.com:5070",
    "'sips:bob@[2001:db8::1]:5061', sips:bob@[2001:db8::1]:5061",
    "'  sip:carol@office.example;transport=tcp ', sip:carol@office.example;transport=tcp"
  })
  void callableTextsAreNormalised(String typed, String target) {
    assertThat(DialTarget.parse(typed)).contains(target);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "bob smith", "alice@", "@example.com", "sip:", "sip:bob", "a@b c"})
  void uncallableTextsAreRejected(String typed) {
    assertThat(DialTarget.parse(typed)).isEmpty();
  }
}

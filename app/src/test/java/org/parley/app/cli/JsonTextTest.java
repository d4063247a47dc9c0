package org.parley.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void quotesBackslashesAndLineEndsAreEscaped() {
    assertThat(JsonText.quoted("say \"hi\"\\\r\n\tbye"))
        .isEqualTo("\"say \\\"hi\\\"\\\\\\r\\n\\tbye\"");
  }

  @Test
  void otherControlCharactersAndJavaScriptLineBreaksBecomeUnicodeEscapes() {
    assertThat(JsonText.quoted("\u0000\u001B\u007F\u2028\u2029"))
        .isEqualTo("\"\\u0000\\u001b\\u007f\\u2028\\u2029\"");
  }

  @Test
  void otherCharactersPassThrough() {
    assertThat(JsonText.quoted("Grüße 日本 \uD83D\uDE00 /")).isEqualTo("\"Grüße 日本 \uD83D\uDE00 /\"");
  }
}

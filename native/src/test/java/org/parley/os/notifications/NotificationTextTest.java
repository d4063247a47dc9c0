package org.parley.os.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotificationTextTest {

  @Test
  void markupCharactersAreEscapedForMarkupServers() {
    assertThat(NotificationText.body("<i>a</i> &amp; b", true))
        .isEqualTo("&lt;i&gt;a&lt;/i&gt; &amp;amp; b");
  }

  @Test
  void plainServersGetTheTextAsItIs() {
    assertThat(NotificationText.body("<i>a</i> &amp; b", false)).isEqualTo("<i>a</i> &amp; b");
  }

  @Test
  void controlAndBidiCharactersAreRemovedAsInTheChatView() {
    assertThat(NotificationText.body("a\u0007b\u202Ec\u2066d\u2069", true)).isEqualTo("abcd");
  }

  @Test
  void theCutNeverSplitsASurrogatePairAndHappensBeforeEscaping() {
    String emojis = "\uD83D\uDE00".repeat(NotificationText.MAX_BODY_CHARS + 5);
    String cut = NotificationText.body(emojis, true);
    assertThat(cut).isEqualTo("\uD83D\uDE00".repeat(NotificationText.MAX_BODY_CHARS) + "\u2026");

    String ampersands = "&".repeat(NotificationText.MAX_BODY_CHARS + 1);
    assertThat(NotificationText.body(ampersands, true))
        .isEqualTo("&amp;".repeat(NotificationText.MAX_BODY_CHARS) + "\u2026");
  }

  @Test
  void theSummaryIsOneLine() {
    assertThat(NotificationText.summary("Bob\nBuilder\t ")).isEqualTo("Bob Builder");
  }
}

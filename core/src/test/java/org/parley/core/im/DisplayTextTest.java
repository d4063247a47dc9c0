package org.parley.core.im;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisplayTextTest {

  @Test
  void bidiOverridesEmbeddingsAndIsolatesAreRemoved() {
    // "Trojan Source": RLO makes "txt.exe" display as "exe.txt".
    String spoofed = "invoice\u202Etxt.exe\u202C and \u2067isolated\u2069 \u202Aembedded\u202C";

    assertThat(DisplayText.sanitize(spoofed)).isEqualTo("invoicetxt.exe and isolated embedded");
  }

  @Test
  void controlCharactersGoButTabsAndNewlinesStay() {
    String text = "bell\u0007 esc\u001B[31m del\u007F c1\u0085 nul\u0000\tend\nnext";

    assertThat(DisplayText.sanitize(text)).isEqualTo("bell esc[31m del c1 nul\tend\nnext");
  }

  @Test
  void lineEndsBecomeNewlines() {
    assertThat(DisplayText.sanitize("a\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
  }

  @Test
  void directionalMarksEmojiAndOtherScriptsAreKept() {
    String text = "שלום\u200F ok \uD83D\uDE00 ok\u200D \u0645\u0631\u062D\u0628\u0627";

    assertThat(DisplayText.sanitize(text)).isEqualTo(text);
  }

  @Test
  void loneSurrogatesBecomeReplacementCharacters() {
    assertThat(DisplayText.sanitize("a\uD83Db\uDE00")).isEqualTo("a\uFFFDb\uFFFD");
  }
}

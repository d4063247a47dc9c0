package org.parley.app.desktop.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void germanTranslatesEveryEnglishKey() throws IOException {
    Properties english = load("desktop.properties");
    Properties german = load("desktop_de.properties");

    assertThat(german.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
  }

  @Test
  void unsupportedLanguagesFallBackToEnglish() {
    assertThat(Texts.forLocale(Locale.JAPANESE).text("call.state.onHold")).isEqualTo("On hold");
    assertThat(Texts.forLocale(Locale.GERMAN).text("call.state.onHold")).isEqualTo("Gehalten");
  }

  private static Properties load(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Texts.class.getResourceAsStream("/org/parley/app/desktop/i18n/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(in);
    }
    return properties;
  }
}

package org.parley.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void everySupportedLanguageTranslatesEveryKey() {
    var english = Messages.forLocale(Locale.ENGLISH).keys();
    for (Locale locale : Messages.SUPPORTED) {
      var bundle = ResourceBundleKeys.ownKeys(locale);
      assertThat(bundle).as("keys of %s", locale).containsExactlyInAnyOrderElementsOf(english);
    }
  }

  @Test
  void germanTextsAreGerman() {
    assertThat(Messages.forLocale(Locale.GERMANY).text("main.status.ready")).isEqualTo("Bereit");
  }

  @Test
  void unsupportedLanguageFallsBackToEnglish() {
    assertThat(Messages.forLocale(Locale.JAPANESE).text("main.status.ready")).isEqualTo("Ready");
  }

  @Test
  void argumentsAreFilledIn() {
    assertThat(Messages.forLocale(Locale.ENGLISH).text("about.version", "1.2.3"))
        .isEqualTo("Version 1.2.3");
  }

  @Test
  void unknownKeyIsAnError() {
    assertThatThrownBy(() -> Messages.forLocale(Locale.ENGLISH).text("no.such.key"))
        .isInstanceOf(MissingResourceException.class);
  }
}

package org.parley.app.desktop.viewmodel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The desktop app's user-visible texts in one language (English and German). */
public final class Texts {

  static final String BUNDLE = "org.parley.app.desktop.i18n.desktop";

  private final ResourceBundle bundle;

  private Texts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** The texts for a locale, English for languages the app does not speak. */
  public static Texts forLocale(Locale locale) {
    return new Texts(
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  public Locale locale() {
    return bundle.getLocale();
  }

  /** The text for {@code key} with {@code {0}}-style arguments filled in. */
  public String text(String key, Object... arguments) {
    String pattern = bundle.getString(key);
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
  }
}

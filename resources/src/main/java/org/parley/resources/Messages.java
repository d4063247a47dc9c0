package org.parley.resources;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/** The user-visible texts of Parley in one language, looked up by key. */
public final class Messages {

  static final String BUNDLE = "org.parley.resources.i18n.messages";

  /** Languages with a complete translation; the first is the fallback. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private final ResourceBundle bundle;

  private Messages(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** Texts for the locale, falling back to English for languages Parley does not speak. */
  public static Messages forLocale(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    return new Messages(bundle);
  }

  public Locale locale() {
    return bundle.getLocale();
  }

  /**
   * The text for a key, with {@code {0}}-style arguments filled in.
   *
   * @throws MissingResourceException when the key exists in no bundle, which is a programming error
   */
  public String text(String key, Object... arguments) {
    String pattern = bundle.getString(key);
    if (arguments.length == 0) {
      return pattern;
    }
    return new MessageFormat(pattern, bundle.getLocale()).format(arguments);
  }

  public Set<String> keys() {
    return bundle.keySet();
  }
}

package org.parley.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** Reads one language's properties file on its own, without the fallback chain. */
final class ResourceBundleKeys {

  private ResourceBundleKeys() {}

  static Set<String> ownKeys(Locale locale) {
    String suffix = locale.getLanguage().equals("en") ? "" : "_" + locale.getLanguage();
    String path = "/" + Messages.BUNDLE.replace('.', '/') + suffix + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No bundle file " + path);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties.stringPropertyNames();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

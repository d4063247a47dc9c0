package org.parley.core.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * The user's preferences as string key/value pairs, with typed getters for the common cases.
 * Thread-safe; failures are {@link org.parley.core.store.StoreException}s.
 */
public interface SettingsStore {

  Optional<String> get(String key);

  /** Stores or replaces the value. */
  void put(String key, String value);

  /** Forgets the value; does nothing if there was none. */
  void remove(String key);

  /** The value, or {@code defaultValue} when it is absent. */
  default String getString(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  /**
   * The value as a decimal int, or {@code defaultValue} when it is absent or not a number (say,
   * written by hand or by an older Parley that stored something else under the key).
   */
  default int getInt(String key, int defaultValue) {
    Optional<String> value = get(key);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.get().strip());
    } catch (NumberFormatException e) {
      return defaultValue;
    }
  }

  default void putInt(String key, int value) {
    put(key, Integer.toString(value));
  }

  /** The value as {@code true}/{@code false} (any case), else {@code defaultValue}. */
  default boolean getBoolean(String key, boolean defaultValue) {
    String value = get(key).map(v -> v.strip().toLowerCase(Locale.ROOT)).orElse("");
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> defaultValue;
    };
  }

  default void putBoolean(String key, boolean value) {
    put(key, Boolean.toString(value));
  }
}

package org.parley.server.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.config.ServerConfigOverrides.Setting;

/**
 * Reads each setting from merged overrides or its default, remembering the value and where it came
 * from, so that a validation message can say "70000 (from line 4 of server.properties)".
 */
final class ConfigResolver {

  private final ServerConfigOverrides overrides;
  private final Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
  private final Map<ConfigKey, String> origins = new EnumMap<>(ConfigKey.class);

  ConfigResolver(ServerConfigOverrides overrides) {
    this.overrides = overrides;
  }

  Path path(ConfigKey key, Path fallback) {
    return (Path) resolve(key, () -> fallback, "default");
  }

  String text(ConfigKey key, Supplier<String> fallback) {
    return (String) resolve(key, fallback, "default");
  }

  int integer(ConfigKey key, int fallback) {
    return integer(key, fallback, "default");
  }

  int integer(ConfigKey key, int fallback, String defaultOrigin) {
    return (Integer) resolve(key, () -> fallback, defaultOrigin);
  }

  List<DigestAlgorithm> algorithms(ConfigKey key, List<DigestAlgorithm> fallback) {
    List<?> list = (List<?>) resolve(key, () -> fallback, "default");
    return list.stream().map(DigestAlgorithm.class::cast).toList();
  }

  List<String> names(ConfigKey key) {
    List<?> list = (List<?>) resolve(key, List::of, "default");
    return list.stream().map(String.class::cast).map(String::strip).toList();
  }

  private Object resolve(ConfigKey key, Supplier<?> fallback, String defaultOrigin) {
    Object value;
    String origin;
    Setting setting = overrides.get(key).orElse(null);
    if (setting == null) {
      value = fallback.get();
      origin = defaultOrigin;
    } else {
      origin = setting.origin();
      if (!(setting.value() instanceof String) || key.type() == ConfigKey.ValueType.SECRET) {
        value = setting.value();
      } else {
        value = ((String) setting.value()).strip();
      }
    }
    if (value != null) {
      values.put(key, value);
    }
    origins.put(key, origin);
    return value;
  }

  /** Fails with "{@code key requirement, but it is value (origin).}" unless {@code ok}. */
  void check(ConfigKey key, boolean ok, String requirement) throws ConfigException {
    if (!ok) {
      throw new ConfigException(
          key.label() + " " + requirement + ", but it is " + describe(key) + ".");
    }
  }

  /** Checks {@code min <= value <= max}, or {@code value == 0} when {@code zeroTurnsOff}. */
  void checkRange(ConfigKey key, int min, int max, boolean zeroTurnsOff) throws ConfigException {
    int value = (Integer) values.get(key);
    if ((value >= min && value <= max) || (zeroTurnsOff && value == 0)) {
      return;
    }
    String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
    check(key, false, "must be " + (zeroTurnsOff ? "0 (off) or " : "") + range);
  }

  /** A failure about two settings that contradict each other. */
  ConfigException conflict(ConfigKey first, ConfigKey second, String problem) {
    return new ConfigException(
        first.label()
            + " and "
            + second.label()
            + " "
            + problem
            + "; "
            + first.key()
            + " is "
            + describe(first)
            + ", "
            + second.key()
            + " is "
            + describe(second)
            + ".");
  }

  /** The value and its origin, such as {@code 70000 (from the command line)}. */
  String describe(ConfigKey key) {
    Object value = values.get(key);
    String shown;
    if (key.type() == ConfigKey.ValueType.SECRET) {
      shown = "(hidden)";
    } else if (value instanceof String) {
      shown = "'" + value + "'";
    } else if (value instanceof List<?> list && key == ConfigKey.AUTH_ALGORITHMS) {
      shown =
          String.join(
              ", ",
              list.stream().map(DigestAlgorithm.class::cast).map(DigestAlgorithm::token).toList());
    } else {
      shown = String.valueOf(value);
    }
    return shown + " (" + origins.getOrDefault(key, "default") + ")";
  }
}

package org.parley.server.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.parley.server.auth.DigestAlgorithm;

/**
 * Reads the server's configuration file: a Java {@code .properties} file in UTF-8 whose keys are
 * those of {@link ConfigKey}; see {@code docs/server-config.md}.
 */
public final class ServerConfigFile {

  /** Classpath location of the documented default file that ships with the server. */
  public static final String DEFAULT_FILE_RESOURCE =
      "/org/parley/server/config/parley-server.properties";

  private ServerConfigFile() {}

  /**
   * Reads the settings that {@code file} sets. Relative {@code data} and {@code tls.keystore} paths
   * resolve against the file's folder.
   *
   * @throws ConfigException when the file is missing or unreadable, or a line has an unknown key, a
   *     duplicate key or a value that is not of the key's type; the message names the file and the
   *     line
   */
  public static ServerConfigOverrides load(Path file) throws ConfigException {
    Path absolute = file.toAbsolutePath().normalize();
    try (BufferedReader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
      return parse(reader, absolute.toString(), absolute.getParent());
    } catch (NoSuchFileException e) {
      throw new ConfigException(
          "Configuration file " + absolute + " does not exist; check the --config option.", e);
    } catch (AccessDeniedException e) {
      throw new ConfigException(
          "Configuration file " + absolute + " cannot be read: permission denied.", e);
    } catch (CharacterCodingException e) {
      throw new ConfigException(
          "Configuration file " + absolute + " is not UTF-8 text; save it as UTF-8.", e);
    } catch (IOException e) {
      throw new ConfigException(
          "Configuration file " + absolute + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The text of the documented default file, every key with its default value. */
  public static String defaultFileText() {
    try (InputStream in = ServerConfigFile.class.getResourceAsStream(DEFAULT_FILE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_FILE_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DEFAULT_FILE_RESOURCE, e);
    }
  }

  /**
   * Parses properties text, keeping line numbers for messages.
   *
   * @param sourceName the file's name in messages
   * @param baseDir the folder that relative paths resolve against
   */
  static ServerConfigOverrides parse(Reader reader, String sourceName, Path baseDir)
      throws IOException, ConfigException {
    ServerConfigOverrides overrides = new ServerConfigOverrides(sourceName);
    Map<ConfigKey, Integer> lineOfKey = new EnumMap<>(ConfigKey.class);
    List<String> lines = new ArrayList<>();
    BufferedReader buffered = new BufferedReader(reader);
    for (String line = buffered.readLine(); line != null; line = buffered.readLine()) {
      lines.add(line);
    }
    int index = 0;
    while (index < lines.size()) {
      int lineNumber = index + 1;
      String first = stripLeadingBlanks(lines.get(index));
      index++;
      if (first.isEmpty() || first.startsWith("#") || first.startsWith("!")) {
        continue;
      }
      // A logical line continues while a natural line ends in an odd number of backslashes.
      StringBuilder logical = new StringBuilder(first);
      String last = first;
      while (endsWithOddBackslashes(last) && index < lines.size()) {
        last = lines.get(index);
        logical.append('\n').append(last);
        index++;
      }
      Where where = new Where(sourceName, lineNumber);
      Properties entry = new Properties();
      try {
        entry.load(new StringReader(logical.toString()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(where.capitalized() + " has a malformed \\u escape.", e);
      }
      for (String name : entry.stringPropertyNames()) {
        ConfigKey key =
            ConfigKey.fromKey(name)
                .orElseThrow(
                    () ->
                        new ConfigException(
                            "Unknown key '"
                                + name
                                + "' "
                                + where
                                + ". Known keys: "
                                + Arrays.stream(ConfigKey.values())
                                    .map(ConfigKey::key)
                                    .collect(Collectors.joining(", "))
                                + "."));
        Integer earlier = lineOfKey.put(key, lineNumber);
        if (earlier != null) {
          throw new ConfigException(
              "Key '"
                  + name
                  + "' is set twice in "
                  + sourceName
                  + ", on lines "
                  + earlier
                  + " and "
                  + lineNumber
                  + "; keep one.");
        }
        String value = entry.getProperty(name);
        overrides.set(key, parseValue(key, value, where, baseDir), where.origin());
      }
    }
    return overrides;
  }

  private static Object parseValue(ConfigKey key, String raw, Where where, Path baseDir)
      throws ConfigException {
    String value = raw.strip();
    ConfigKey.ValueType type = key.type();
    if (value.isEmpty()
        && type != ConfigKey.ValueType.SECRET
        && type != ConfigKey.ValueType.NAMES) {
      throw new ConfigException(
          key.key() + " " + where + " has no value; give one, or delete the line for the default.");
    }
    switch (type) {
      case PATH:
        try {
          return baseDir.resolve(Path.of(value)).normalize();
        } catch (InvalidPathException e) {
          throw new ConfigException(
              key.key() + " " + where + " is not a valid path: '" + value + "'.", e);
        }
      case TEXT:
        return value;
      case SECRET:
        return value;
      case INTEGER:
        try {
          return Integer.valueOf(value);
        } catch (NumberFormatException e) {
          throw new ConfigException(
              key.key() + " " + where + " must be a whole number, but it is '" + value + "'.", e);
        }
      case ALGORITHMS:
        return parseAlgorithms(key, value, where);
      case NAMES:
        return splitList(value).stream().map(String::toLowerCase).toList();
      default:
        throw new IllegalStateException("No parser for " + type);
    }
  }

  private static List<DigestAlgorithm> parseAlgorithms(ConfigKey key, String value, Where where)
      throws ConfigException {
    List<DigestAlgorithm> algorithms = new ArrayList<>();
    for (String token : splitList(value)) {
      algorithms.add(
          DigestAlgorithm.fromToken(token)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          key.key()
                              + " "
                              + where
                              + " names an unknown algorithm '"
                              + token
                              + "'; the supported algorithms are SHA-256 and MD5, listed"
                              + " preferred first and separated by commas.")));
    }
    return List.copyOf(algorithms);
  }

  private static List<String> splitList(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static String stripLeadingBlanks(String line) {
    int start = 0;
    while (start < line.length() && " \t\f".indexOf(line.charAt(start)) >= 0) {
      start++;
    }
    return line.substring(start);
  }

  private static boolean endsWithOddBackslashes(String line) {
    int count = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }

  /** A line of a file, as messages name it. */
  private record Where(String file, int line) {
    String origin() {
      return "from line " + line + " of " + file;
    }

    String capitalized() {
      return "Line " + line + " of " + file;
    }

    @Override
    public String toString() {
      return "on line " + line + " of " + file;
    }
  }
}

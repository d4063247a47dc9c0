package org.parley.server.config;

import java.util.Optional;

/** A server setting as it is named in the configuration file and, if it has one, on the CLI. */
public enum ConfigKey {
  DATA("data", "--data", ValueType.PATH),
  DOMAIN("domain", "--domain", ValueType.TEXT),
  BIND("bind", "--bind", ValueType.TEXT),
  SIP_PORT("sip.port", "--sip-port", ValueType.INTEGER),
  TLS_PORT("tls.port", null, ValueType.INTEGER),
  HTTP_PORT("http.port", "--http-port", ValueType.INTEGER),
  HTTP_BIND("http.bind", null, ValueType.TEXT),
  HTTPS_PORT("https.port", "--https-port", ValueType.INTEGER),
  TLS_KEYSTORE("tls.keystore", null, ValueType.PATH),
  TLS_KEYSTORE_PASSWORD("tls.keystore.password", null, ValueType.SECRET),
  REGISTRAR_MIN_EXPIRES("registrar.min-expires", null, ValueType.INTEGER),
  REGISTRAR_MAX_EXPIRES("registrar.max-expires", null, ValueType.INTEGER),
  REGISTRAR_DEFAULT_EXPIRES("registrar.default-expires", null, ValueType.INTEGER),
  AUTH_NONCE_LIFETIME("auth.nonce-lifetime", null, ValueType.INTEGER),
  AUTH_ALGORITHMS("auth.algorithms", null, ValueType.ALGORITHMS),
  SIP_MAX_MESSAGE_BYTES("sip.max-message-bytes", null, ValueType.INTEGER),
  SIP_UDP_BUFFER_BYTES("sip.udp-buffer-bytes", null, ValueType.INTEGER),
  RELAY_ALLOWED_DOMAINS("relay.allowed-domains", null, ValueType.NAMES),
  ECHO_IDLE_SECONDS("echo.idle-seconds", null, ValueType.INTEGER),
  ECHO_MAX_SECONDS("echo.max-seconds", null, ValueType.INTEGER),
  VOICEMAIL_NO_ANSWER_SECONDS("voicemail.no-answer-seconds", null, ValueType.INTEGER),
  VOICEMAIL_MAX_SECONDS("voicemail.max-seconds", null, ValueType.INTEGER),
  VOICEMAIL_SILENCE_SECONDS("voicemail.silence-seconds", null, ValueType.INTEGER),
  PRESENCE_WATCHERS("presence.watchers", null, ValueType.TEXT);

  /** How a value is written in the file. */
  enum ValueType {
    /** A file or folder; relative paths resolve against the configuration file's folder. */
    PATH,
    /** Text that must not be empty. */
    TEXT,
    /** Text that may be empty and never appears in messages or logs. */
    SECRET,
    /** A whole number in decimal. */
    INTEGER,
    /** A comma-separated list of digest algorithm tokens. */
    ALGORITHMS,
    /** A comma-separated list of names, possibly empty. */
    NAMES
  }

  private final String key;
  private final String option;
  private final ValueType type;

  ConfigKey(String key, String option, ValueType type) {
    this.key = key;
    this.option = option;
    this.type = type;
  }

  /** The key in the configuration file, such as {@code sip.port}. */
  public String key() {
    return key;
  }

  /** The {@code ./parley server} option that sets this value, such as {@code --sip-port}. */
  public Optional<String> option() {
    return Optional.ofNullable(option);
  }

  /** Finds the setting for a file key; keys are matched exactly. */
  public static Optional<ConfigKey> fromKey(String key) {
    for (ConfigKey candidate : values()) {
      if (candidate.key.equals(key)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  ValueType type() {
    return type;
  }

  /** The key with its option, for messages: {@code sip.port (--sip-port)}. */
  String label() {
    return option == null ? key : key + " (" + option + ")";
  }

  @Override
  public String toString() {
    return key;
  }
}

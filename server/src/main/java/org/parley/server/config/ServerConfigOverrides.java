package org.parley.server.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.server.auth.DigestAlgorithm;

/**
 * Some server settings, each optional: what a configuration file or the command line sets, to be
 * laid over the defaults by {@link ServerConfig#resolve(ServerConfigOverrides...)}.
 *
 * <p>Every setter takes {@code null} to mean "not given", so a picocli command can pass its option
 * fields straight through: {@code ServerConfigOverrides.fromCommandLine().sipPort(sipPort)} with an
 * {@code Integer sipPort} that stays null unless the user typed {@code --sip-port}.
 */
public final class ServerConfigOverrides {

  /** One value and where it came from, such as {@code line 4 of /etc/parley/server.properties}. */
  record Setting(Object value, String origin) {}

  private final String source;
  private final Map<ConfigKey, Setting> settings = new EnumMap<>(ConfigKey.class);

  /** Overrides set in code, such as those of an embedded server or a test. */
  public ServerConfigOverrides() {
    this("settings made in code");
  }

  /**
   * Overrides from a named source.
   *
   * @param source where the values come from, for error messages: {@code the command line}
   */
  public ServerConfigOverrides(String source) {
    this.source = source;
  }

  /** Overrides for the options of {@code ./parley server}. */
  public static ServerConfigOverrides fromCommandLine() {
    return new ServerConfigOverrides("the command line");
  }

  /** {@code --data}, {@code data}: the server's data folder. */
  public ServerConfigOverrides dataDir(Path dataDir) {
    return put(ConfigKey.DATA, dataDir);
  }

  /** {@code --domain}, {@code domain}: the SIP domain, a host name or IP address. */
  public ServerConfigOverrides domain(String domain) {
    return put(ConfigKey.DOMAIN, domain);
  }

  /** {@code --bind}, {@code bind}: the IP address the SIP transports listen on. */
  public ServerConfigOverrides bindAddress(String bindAddress) {
    return put(ConfigKey.BIND, bindAddress);
  }

  /** {@code --sip-port}, {@code sip.port}: the UDP and TCP port. */
  public ServerConfigOverrides sipPort(Integer sipPort) {
    return put(ConfigKey.SIP_PORT, sipPort);
  }

  /** {@code tls.port}: the TLS port, 0 for no TLS. */
  public ServerConfigOverrides tlsPort(Integer tlsPort) {
    return put(ConfigKey.TLS_PORT, tlsPort);
  }

  /** {@code --http-port}, {@code http.port}: the HTTP API's port, 0 for no HTTP API. */
  public ServerConfigOverrides httpPort(Integer httpPort) {
    return put(ConfigKey.HTTP_PORT, httpPort);
  }

  /** {@code --https-port}, {@code https.port}: the HTTPS API's port, 0 for no HTTPS. */
  public ServerConfigOverrides httpsPort(Integer httpsPort) {
    return put(ConfigKey.HTTPS_PORT, httpsPort);
  }

  /** {@code http.bind}: the IP address the HTTP API listens on. */
  public ServerConfigOverrides httpBindAddress(String httpBindAddress) {
    return put(ConfigKey.HTTP_BIND, httpBindAddress);
  }

  /** {@code tls.keystore}: a PKCS#12 file with the TLS certificate and its private key. */
  public ServerConfigOverrides tlsKeyStore(Path tlsKeyStore) {
    return put(ConfigKey.TLS_KEYSTORE, tlsKeyStore);
  }

  /** {@code tls.keystore.password}: the password of {@code tls.keystore}. */
  public ServerConfigOverrides tlsKeyStorePassword(String password) {
    return put(ConfigKey.TLS_KEYSTORE_PASSWORD, password);
  }

  /** {@code registrar.min-expires}. */
  public ServerConfigOverrides minExpiresSeconds(Integer seconds) {
    return put(ConfigKey.REGISTRAR_MIN_EXPIRES, seconds);
  }

  /** {@code registrar.max-expires}. */
  public ServerConfigOverrides maxExpiresSeconds(Integer seconds) {
    return put(ConfigKey.REGISTRAR_MAX_EXPIRES, seconds);
  }

  /** {@code registrar.default-expires}. */
  public ServerConfigOverrides defaultExpiresSeconds(Integer seconds) {
    return put(ConfigKey.REGISTRAR_DEFAULT_EXPIRES, seconds);
  }

  /** {@code auth.nonce-lifetime}. */
  public ServerConfigOverrides nonceLifetimeSeconds(Integer seconds) {
    return put(ConfigKey.AUTH_NONCE_LIFETIME, seconds);
  }

  /** {@code auth.algorithms}, preferred first. */
  public ServerConfigOverrides authAlgorithms(List<DigestAlgorithm> algorithms) {
    return put(ConfigKey.AUTH_ALGORITHMS, algorithms == null ? null : List.copyOf(algorithms));
  }

  /** {@code sip.max-message-bytes}. */
  public ServerConfigOverrides maxMessageBytes(Integer bytes) {
    return put(ConfigKey.SIP_MAX_MESSAGE_BYTES, bytes);
  }

  /** {@code sip.udp-buffer-bytes}. */
  public ServerConfigOverrides udpBufferBytes(Integer bytes) {
    return put(ConfigKey.SIP_UDP_BUFFER_BYTES, bytes);
  }

  /** {@code relay.allowed-domains}. */
  public ServerConfigOverrides allowedRelayDomains(List<String> domains) {
    return put(ConfigKey.RELAY_ALLOWED_DOMAINS, domains == null ? null : List.copyOf(domains));
  }

  /** {@code echo.idle-seconds}. */
  public ServerConfigOverrides echoIdleSeconds(Integer seconds) {
    return put(ConfigKey.ECHO_IDLE_SECONDS, seconds);
  }

  /** {@code echo.max-seconds}. */
  public ServerConfigOverrides echoMaxSeconds(Integer seconds) {
    return put(ConfigKey.ECHO_MAX_SECONDS, seconds);
  }

  /** {@code voicemail.no-answer-seconds}. */
  public ServerConfigOverrides voicemailNoAnswerSeconds(Integer seconds) {
    return put(ConfigKey.VOICEMAIL_NO_ANSWER_SECONDS, seconds);
  }

  /** {@code voicemail.max-seconds}. */
  public ServerConfigOverrides voicemailMaxSeconds(Integer seconds) {
    return put(ConfigKey.VOICEMAIL_MAX_SECONDS, seconds);
  }

  /** {@code voicemail.silence-seconds}. */
  public ServerConfigOverrides voicemailSilenceSeconds(Integer seconds) {
    return put(ConfigKey.VOICEMAIL_SILENCE_SECONDS, seconds);
  }

  /** {@code presence.watchers}: {@code domain} or {@code approved}. */
  public ServerConfigOverrides presenceWatchers(String mode) {
    return put(ConfigKey.PRESENCE_WATCHERS, mode);
  }

  /** Whether this layer sets {@code key}. */
  public boolean isSet(ConfigKey key) {
    return settings.containsKey(key);
  }

  /** The keys this layer sets. */
  public Set<ConfigKey> keys() {
    return Collections.unmodifiableSet(settings.keySet());
  }

  /** A new layer with this one's settings, replaced by those {@code higher} sets. */
  public ServerConfigOverrides overriddenBy(ServerConfigOverrides higher) {
    ServerConfigOverrides merged = new ServerConfigOverrides(higher.source);
    merged.settings.putAll(settings);
    merged.settings.putAll(higher.settings);
    return merged;
  }

  Optional<Setting> get(ConfigKey key) {
    return Optional.ofNullable(settings.get(key));
  }

  void set(ConfigKey key, Object value, String origin) {
    settings.put(key, new Setting(value, origin));
  }

  private ServerConfigOverrides put(ConfigKey key, Object value) {
    if (value == null) {
      settings.remove(key);
    } else {
      set(key, value, "from " + source);
    }
    return this;
  }

  /** The settings in file syntax; secrets are masked. */
  @Override
  public String toString() {
    return settings.entrySet().stream()
        .map(
            entry ->
                entry.getKey().key()
                    + "="
                    + (entry.getKey().type() == ConfigKey.ValueType.SECRET
                        ? "****"
                        : String.valueOf(entry.getValue().value())))
        .collect(Collectors.joining(", ", "ServerConfigOverrides[", "]"));
  }
}

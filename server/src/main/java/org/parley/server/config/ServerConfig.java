package org.parley.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.presence.WatcherPolicy;

/**
 * The bundled server's settings, resolved from defaults, then the configuration file, then the
 * command line (each overriding the one before); instances are immutable and valid.
 *
 * <p>Build one with {@link #resolve(ServerConfigOverrides...)}: the command line fills a {@link
 * ServerConfigOverrides} with only the options the user gave, and {@link ServerConfigFile#load}
 * returns one with only the keys the file sets.
 */
public final class ServerConfig {

  /** Default folder for the server's database, certificates and logs, relative to the cwd. */
  public static final Path DEFAULT_DATA_DIR = Path.of("parley-data");

  public static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
  public static final int DEFAULT_SIP_PORT = 5060;
  public static final int DEFAULT_HTTP_PORT = 8080;
  public static final String DEFAULT_HTTP_BIND_ADDRESS = "127.0.0.1";
  public static final int DEFAULT_MIN_EXPIRES_SECONDS = 60;
  public static final int DEFAULT_MAX_EXPIRES_SECONDS = 3600;
  public static final int DEFAULT_DEFAULT_EXPIRES_SECONDS = 3600;
  public static final int DEFAULT_NONCE_LIFETIME_SECONDS = 300;

  /**
   * MD5 only by default: SIPp 3.6 and libre 1.1 (baresip) fail as soon as a SHA-256 challenge is
   * offered, and so do many desk phones (ADR 0009). Both HA1s are stored, so SHA-256 is one setting
   * away.
   */
  public static final List<DigestAlgorithm> DEFAULT_AUTH_ALGORITHMS = List.of(DigestAlgorithm.MD5);

  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16384;

  /**
   * Default {@code sip.udp-buffer-bytes} (4 MiB): at 800 calls/s Linux's default 208 KiB receive
   * buffer overflowed in bursts (docs/benchmarks.md).
   */
  public static final int DEFAULT_UDP_BUFFER_BYTES = 4 << 20;

  /** Smallest accepted {@code sip.udp-buffer-bytes}: one largest datagram. */
  public static final int MIN_UDP_BUFFER_BYTES = 1 << 16;

  /** Largest accepted {@code sip.udp-buffer-bytes} (256 MiB). */
  public static final int MAX_UDP_BUFFER_BYTES = 1 << 28;

  public static final int DEFAULT_ECHO_IDLE_SECONDS = 30;
  public static final int DEFAULT_ECHO_MAX_SECONDS = 600;
  public static final int DEFAULT_VOICEMAIL_NO_ANSWER_SECONDS = 20;
  public static final int DEFAULT_VOICEMAIL_MAX_SECONDS = 120;
  public static final int DEFAULT_VOICEMAIL_SILENCE_SECONDS = 10;
  public static final WatcherPolicy.Mode DEFAULT_PRESENCE_WATCHERS = WatcherPolicy.Mode.DOMAIN;

  /** Smallest accepted {@code sip.max-message-bytes}: a REGISTER with credentials must fit. */
  public static final int MIN_MAX_MESSAGE_BYTES = 1024;

  /** Largest accepted {@code sip.max-message-bytes} (1 MiB). */
  public static final int MAX_MAX_MESSAGE_BYTES = 1 << 20;

  private static final Pattern HOST_NAME =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?");

  private final Path dataDir;
  private final String domain;
  private final String bindAddress;
  private final int sipPort;
  private final int tlsPort;
  private final int httpPort;
  private final String httpBindAddress;
  private final int httpsPort;
  private final Path tlsKeyStore;
  private final String tlsKeyStorePassword;
  private final int minExpiresSeconds;
  private final int maxExpiresSeconds;
  private final int defaultExpiresSeconds;
  private final int nonceLifetimeSeconds;
  private final List<DigestAlgorithm> authAlgorithms;
  private final int maxMessageBytes;
  private final int udpBufferBytes;
  private final List<String> allowedRelayDomains;
  private final int echoIdleSeconds;
  private final int echoMaxSeconds;
  private final int voicemailNoAnswerSeconds;
  private final int voicemailMaxSeconds;
  private final int voicemailSilenceSeconds;
  private final String presenceWatchers;

  private ServerConfig(ConfigResolver resolved) throws ConfigException {
    dataDir = resolved.path(ConfigKey.DATA, DEFAULT_DATA_DIR);
    domain = resolved.text(ConfigKey.DOMAIN, ServerConfig::localHostName).toLowerCase(Locale.ROOT);
    bindAddress = resolved.text(ConfigKey.BIND, () -> DEFAULT_BIND_ADDRESS);
    sipPort = resolved.integer(ConfigKey.SIP_PORT, DEFAULT_SIP_PORT);
    tlsPort = resolved.integer(ConfigKey.TLS_PORT, sipPort + 1, "default: sip.port + 1");
    httpPort = resolved.integer(ConfigKey.HTTP_PORT, DEFAULT_HTTP_PORT);
    httpBindAddress = resolved.text(ConfigKey.HTTP_BIND, () -> DEFAULT_HTTP_BIND_ADDRESS);
    // Like tls.port after sip.port: the secure port follows the plain one unless set.
    httpsPort =
        resolved.integer(
            ConfigKey.HTTPS_PORT, httpPort == 0 ? 0 : httpPort + 1, "default: http.port + 1");
    tlsKeyStore = resolved.path(ConfigKey.TLS_KEYSTORE, null);
    tlsKeyStorePassword = resolved.text(ConfigKey.TLS_KEYSTORE_PASSWORD, () -> null);
    minExpiresSeconds =
        resolved.integer(ConfigKey.REGISTRAR_MIN_EXPIRES, DEFAULT_MIN_EXPIRES_SECONDS);
    maxExpiresSeconds =
        resolved.integer(ConfigKey.REGISTRAR_MAX_EXPIRES, DEFAULT_MAX_EXPIRES_SECONDS);
    defaultExpiresSeconds =
        resolved.integer(ConfigKey.REGISTRAR_DEFAULT_EXPIRES, DEFAULT_DEFAULT_EXPIRES_SECONDS);
    nonceLifetimeSeconds =
        resolved.integer(ConfigKey.AUTH_NONCE_LIFETIME, DEFAULT_NONCE_LIFETIME_SECONDS);
    authAlgorithms = resolved.algorithms(ConfigKey.AUTH_ALGORITHMS, DEFAULT_AUTH_ALGORITHMS);
    maxMessageBytes = resolved.integer(ConfigKey.SIP_MAX_MESSAGE_BYTES, DEFAULT_MAX_MESSAGE_BYTES);
    udpBufferBytes = resolved.integer(ConfigKey.SIP_UDP_BUFFER_BYTES, DEFAULT_UDP_BUFFER_BYTES);
    allowedRelayDomains =
        resolved.names(ConfigKey.RELAY_ALLOWED_DOMAINS).stream()
            .map(name -> name.toLowerCase(Locale.ROOT))
            .toList();
    echoIdleSeconds = resolved.integer(ConfigKey.ECHO_IDLE_SECONDS, DEFAULT_ECHO_IDLE_SECONDS);
    echoMaxSeconds = resolved.integer(ConfigKey.ECHO_MAX_SECONDS, DEFAULT_ECHO_MAX_SECONDS);
    voicemailNoAnswerSeconds =
        resolved.integer(
            ConfigKey.VOICEMAIL_NO_ANSWER_SECONDS, DEFAULT_VOICEMAIL_NO_ANSWER_SECONDS);
    voicemailMaxSeconds =
        resolved.integer(ConfigKey.VOICEMAIL_MAX_SECONDS, DEFAULT_VOICEMAIL_MAX_SECONDS);
    voicemailSilenceSeconds =
        resolved.integer(ConfigKey.VOICEMAIL_SILENCE_SECONDS, DEFAULT_VOICEMAIL_SILENCE_SECONDS);
    presenceWatchers =
        resolved.text(
            ConfigKey.PRESENCE_WATCHERS,
            () -> DEFAULT_PRESENCE_WATCHERS.name().toLowerCase(Locale.ROOT));
    validate(resolved);
  }

  /** The settings when neither a file nor the command line changes anything. */
  public static ServerConfig defaults() {
    try {
      return resolve();
    } catch (ConfigException e) {
      throw new IllegalStateException("The built-in defaults are invalid: " + e.getMessage(), e);
    }
  }

  /**
   * Applies the layers over the defaults, later layers winning, and validates the result.
   *
   * @param layers lowest precedence first, typically the file's then the command line's
   * @throws ConfigException naming the setting, its value and where it came from
   */
  public static ServerConfig resolve(ServerConfigOverrides... layers) throws ConfigException {
    ServerConfigOverrides merged = new ServerConfigOverrides();
    for (ServerConfigOverrides layer : layers) {
      merged = merged.overriddenBy(layer);
    }
    return new ServerConfig(new ConfigResolver(merged));
  }

  private void validate(ConfigResolver resolved) throws ConfigException {
    resolved.check(
        ConfigKey.DOMAIN,
        isHostName(domain) || IpLiterals.parse(domain).isPresent(),
        "must be a host name such as sip.example.com or an IP address");
    resolved.check(
        ConfigKey.BIND,
        IpLiterals.parse(bindAddress).isPresent(),
        "must be an IP address of this machine, such as 0.0.0.0 (all) or 192.0.2.10");
    resolved.check(
        ConfigKey.HTTP_BIND,
        IpLiterals.parse(httpBindAddress).isPresent(),
        "must be an IP address of this machine, such as 127.0.0.1 (local only) or 0.0.0.0 (all)");
    resolved.checkRange(ConfigKey.SIP_PORT, 1, 65535, false);
    resolved.checkRange(ConfigKey.TLS_PORT, 1, 65535, true);
    resolved.checkRange(ConfigKey.HTTP_PORT, 1, 65535, true);
    resolved.checkRange(ConfigKey.HTTPS_PORT, 1, 65535, true);
    if (tlsPort != 0 && tlsPort == sipPort) {
      throw resolved.conflict(
          ConfigKey.TLS_PORT,
          ConfigKey.SIP_PORT,
          "must differ, because SIP over TCP uses sip.port");
    }
    if (httpPort != 0 && (httpPort == sipPort || httpPort == tlsPort)) {
      throw resolved.conflict(
          ConfigKey.HTTP_PORT,
          httpPort == sipPort ? ConfigKey.SIP_PORT : ConfigKey.TLS_PORT,
          "must differ: both are TCP ports");
    }
    if (httpsPort != 0 && (httpsPort == sipPort || httpsPort == tlsPort || httpsPort == httpPort)) {
      throw resolved.conflict(
          ConfigKey.HTTPS_PORT,
          httpsPort == sipPort
              ? ConfigKey.SIP_PORT
              : httpsPort == tlsPort ? ConfigKey.TLS_PORT : ConfigKey.HTTP_PORT,
          "must differ: both are TCP ports");
    }
    if (tlsKeyStorePassword != null && tlsKeyStore == null) {
      throw new ConfigException(
          "tls.keystore.password is set but tls.keystore is not; set tls.keystore to the PKCS#12"
              + " file it unlocks, or remove the password.");
    }
    resolved.checkRange(ConfigKey.REGISTRAR_MIN_EXPIRES, 1, Integer.MAX_VALUE, false);
    resolved.checkRange(ConfigKey.REGISTRAR_MAX_EXPIRES, 1, Integer.MAX_VALUE, false);
    resolved.checkRange(ConfigKey.REGISTRAR_DEFAULT_EXPIRES, 1, Integer.MAX_VALUE, false);
    if (minExpiresSeconds > maxExpiresSeconds) {
      throw resolved.conflict(
          ConfigKey.REGISTRAR_MIN_EXPIRES,
          ConfigKey.REGISTRAR_MAX_EXPIRES,
          "are the wrong way round: the minimum must not exceed the maximum");
    }
    if (defaultExpiresSeconds < minExpiresSeconds || defaultExpiresSeconds > maxExpiresSeconds) {
      throw new ConfigException(
          "registrar.default-expires must lie between registrar.min-expires and"
              + " registrar.max-expires, but "
              + resolved.describe(ConfigKey.REGISTRAR_DEFAULT_EXPIRES)
              + " is outside "
              + resolved.describe(ConfigKey.REGISTRAR_MIN_EXPIRES)
              + " .. "
              + resolved.describe(ConfigKey.REGISTRAR_MAX_EXPIRES)
              + ".");
    }
    resolved.checkRange(ConfigKey.AUTH_NONCE_LIFETIME, 1, Integer.MAX_VALUE, false);
    resolved.check(
        ConfigKey.AUTH_ALGORITHMS,
        !authAlgorithms.isEmpty(),
        "must name at least one of SHA-256, MD5");
    resolved.check(
        ConfigKey.AUTH_ALGORITHMS,
        authAlgorithms.stream().distinct().count() == authAlgorithms.size(),
        "must not name an algorithm twice");
    resolved.checkRange(
        ConfigKey.SIP_MAX_MESSAGE_BYTES, MIN_MAX_MESSAGE_BYTES, MAX_MAX_MESSAGE_BYTES, false);
    resolved.checkRange(
        ConfigKey.SIP_UDP_BUFFER_BYTES, MIN_UDP_BUFFER_BYTES, MAX_UDP_BUFFER_BYTES, false);
    for (String relayDomain : allowedRelayDomains) {
      resolved.check(
          ConfigKey.RELAY_ALLOWED_DOMAINS,
          isHostName(relayDomain),
          "must list host names such as example.com, separated by commas");
    }
    resolved.checkRange(ConfigKey.ECHO_IDLE_SECONDS, 1, Integer.MAX_VALUE, false);
    resolved.checkRange(ConfigKey.ECHO_MAX_SECONDS, 1, Integer.MAX_VALUE, false);
    resolved.checkRange(ConfigKey.VOICEMAIL_NO_ANSWER_SECONDS, 1, 3600, false);
    resolved.checkRange(ConfigKey.VOICEMAIL_MAX_SECONDS, 1, 3600, false);
    resolved.checkRange(ConfigKey.VOICEMAIL_SILENCE_SECONDS, 1, 3600, false);
    resolved.check(
        ConfigKey.PRESENCE_WATCHERS,
        WatcherPolicy.Mode.named(presenceWatchers).isPresent(),
        "must be domain (every user of the domain may watch, unless blocked) or approved (only"
            + " watchers a user allowed)");
    if (echoIdleSeconds > echoMaxSeconds) {
      throw resolved.conflict(
          ConfigKey.ECHO_IDLE_SECONDS,
          ConfigKey.ECHO_MAX_SECONDS,
          "are the wrong way round: the idle limit must not exceed the call limit");
    }
  }

  private static boolean isHostName(String name) {
    return name.length() <= 253 && HOST_NAME.matcher(name).matches();
  }

  /** This machine's host name in lower case, or {@code localhost} when it has no usable one. */
  static String localHostName() {
    try {
      String name = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
      return isHostName(name) ? name : "localhost";
    } catch (UnknownHostException | SecurityException e) {
      return "localhost";
    }
  }

  /** Folder for the database, generated certificate and logs; default {@code parley-data}. */
  public Path dataDir() {
    return dataDir;
  }

  /** The SIP domain (realm, certificate name); default this machine's host name, lower case. */
  public String domain() {
    return domain;
  }

  /** The domain as an address when it is an IP literal (IPv6 with or without brackets). */
  public Optional<InetAddress> domainAddress() {
    return IpLiterals.parse(domain);
  }

  /** The IP address the SIP transports listen on; default {@code 0.0.0.0} (all). */
  public String bindAddress() {
    return bindAddress;
  }

  /** The SIP port for UDP and TCP; default 5060. */
  public int sipPort() {
    return sipPort;
  }

  /** The SIP-over-TLS port; default {@code sipPort() + 1}; 0 turns TLS off. */
  public int tlsPort() {
    return tlsPort;
  }

  /** Whether the server listens for SIP over TLS. */
  public boolean tlsEnabled() {
    return tlsPort != 0;
  }

  /** The HTTP API's port; default 8080; 0 turns the HTTP API off. */
  public int httpPort() {
    return httpPort;
  }

  /** Whether the server runs its HTTP API. */
  public boolean httpEnabled() {
    return httpPort != 0;
  }

  /** The IP address the HTTP API listens on; default {@code 127.0.0.1} (this machine only). */
  public String httpBindAddress() {
    return httpBindAddress;
  }

  /** The HTTPS API's port; default {@code httpPort() + 1} (0 when HTTP is off); 0 turns it off. */
  public int httpsPort() {
    return httpsPort;
  }

  /** Whether the server serves its HTTP API over TLS too. */
  public boolean httpsEnabled() {
    return httpsPort != 0;
  }

  /** Whether the server needs its certificate: for SIP over TLS or for HTTPS. */
  public boolean certificateNeeded() {
    return tlsEnabled() || httpsEnabled();
  }

  /** A PKCS#12 file with the TLS certificate and key; when absent, one is generated. */
  public Optional<Path> tlsKeyStore() {
    return Optional.ofNullable(tlsKeyStore);
  }

  /** The password of {@link #tlsKeyStore()}; absent means an empty password. */
  public Optional<String> tlsKeyStorePassword() {
    return Optional.ofNullable(tlsKeyStorePassword);
  }

  /** Shortest registration the registrar accepts (423 Interval Too Brief below); default 60. */
  public int minExpiresSeconds() {
    return minExpiresSeconds;
  }

  /** Longest registration the registrar grants; longer requests are shortened; default 3600. */
  public int maxExpiresSeconds() {
    return maxExpiresSeconds;
  }

  /** Registration length when a REGISTER names none; default 3600. */
  public int defaultExpiresSeconds() {
    return defaultExpiresSeconds;
  }

  /** How long a digest nonce stays valid; default 300. */
  public int nonceLifetimeSeconds() {
    return nonceLifetimeSeconds;
  }

  /** Digest algorithms offered in challenges, preferred first; default SHA-256 then MD5. */
  public List<DigestAlgorithm> authAlgorithms() {
    return authAlgorithms;
  }

  /** Largest SIP message accepted, in bytes; default 16384. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** The receive and send buffer asked for the SIP UDP socket, in bytes. */
  public int udpBufferBytes() {
    return udpBufferBytes;
  }

  /** Foreign domains the proxy may relay to; default none (reserved for later use). */
  public List<String> allowedRelayDomains() {
    return allowedRelayDomains;
  }

  /** The echo service hangs up after this long without incoming media; default 30. */
  public int echoIdleSeconds() {
    return echoIdleSeconds;
  }

  /** The echo service hangs up any call after this long; default 600. */
  public int echoMaxSeconds() {
    return echoMaxSeconds;
  }

  /** A call a registered user does not answer goes to voicemail after this long; default 20. */
  public int voicemailNoAnswerSeconds() {
    return voicemailNoAnswerSeconds;
  }

  /** The longest voicemail message; default 120. */
  public int voicemailMaxSeconds() {
    return voicemailMaxSeconds;
  }

  /** Voicemail hangs up after this long of silence from the caller; default 10. */
  public int voicemailSilenceSeconds() {
    return voicemailSilenceSeconds;
  }

  /** Who may watch a user's presence when the user set no rule for them; default domain. */
  public WatcherPolicy.Mode presenceWatchers() {
    return WatcherPolicy.Mode.named(presenceWatchers).orElseThrow();
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof ServerConfig)) {
      return false;
    }
    ServerConfig that = (ServerConfig) other;
    return dataDir.equals(that.dataDir)
        && domain.equals(that.domain)
        && bindAddress.equals(that.bindAddress)
        && sipPort == that.sipPort
        && tlsPort == that.tlsPort
        && httpPort == that.httpPort
        && httpBindAddress.equals(that.httpBindAddress)
        && httpsPort == that.httpsPort
        && Objects.equals(tlsKeyStore, that.tlsKeyStore)
        && Objects.equals(tlsKeyStorePassword, that.tlsKeyStorePassword)
        && minExpiresSeconds == that.minExpiresSeconds
        && maxExpiresSeconds == that.maxExpiresSeconds
        && defaultExpiresSeconds == that.defaultExpiresSeconds
        && nonceLifetimeSeconds == that.nonceLifetimeSeconds
        && authAlgorithms.equals(that.authAlgorithms)
        && maxMessageBytes == that.maxMessageBytes
        && udpBufferBytes == that.udpBufferBytes
        && allowedRelayDomains.equals(that.allowedRelayDomains)
        && echoIdleSeconds == that.echoIdleSeconds
        && echoMaxSeconds == that.echoMaxSeconds
        && voicemailNoAnswerSeconds == that.voicemailNoAnswerSeconds
        && voicemailMaxSeconds == that.voicemailMaxSeconds
        && voicemailSilenceSeconds == that.voicemailSilenceSeconds
        && presenceWatchers.equals(that.presenceWatchers);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        dataDir,
        domain,
        bindAddress,
        sipPort,
        tlsPort,
        httpPort,
        httpBindAddress,
        httpsPort,
        tlsKeyStore,
        tlsKeyStorePassword,
        minExpiresSeconds,
        maxExpiresSeconds,
        defaultExpiresSeconds,
        nonceLifetimeSeconds,
        authAlgorithms,
        maxMessageBytes,
        udpBufferBytes,
        allowedRelayDomains,
        echoIdleSeconds,
        echoMaxSeconds,
        voicemailNoAnswerSeconds,
        voicemailMaxSeconds,
        voicemailSilenceSeconds,
        presenceWatchers);
  }

  /** Every setting in file syntax, with the keystore password masked. */
  @Override
  public String toString() {
    return "ServerConfig[data="
        + dataDir
        + ", domain="
        + domain
        + ", bind="
        + bindAddress
        + ", sip.port="
        + sipPort
        + ", tls.port="
        + tlsPort
        + ", http.bind="
        + httpBindAddress
        + ", http.port="
        + httpPort
        + ", https.port="
        + httpsPort
        + ", tls.keystore="
        + (tlsKeyStore == null ? "(generated)" : tlsKeyStore)
        + ", tls.keystore.password="
        + (tlsKeyStorePassword == null ? "(none)" : "****")
        + ", registrar.min-expires="
        + minExpiresSeconds
        + ", registrar.max-expires="
        + maxExpiresSeconds
        + ", registrar.default-expires="
        + defaultExpiresSeconds
        + ", auth.nonce-lifetime="
        + nonceLifetimeSeconds
        + ", auth.algorithms="
        + authAlgorithms.stream().map(DigestAlgorithm::token).toList()
        + ", sip.max-message-bytes="
        + maxMessageBytes
        + ", sip.udp-buffer-bytes="
        + udpBufferBytes
        + ", relay.allowed-domains="
        + allowedRelayDomains
        + ", echo.idle-seconds="
        + echoIdleSeconds
        + ", echo.max-seconds="
        + echoMaxSeconds
        + ", voicemail.no-answer-seconds="
        + voicemailNoAnswerSeconds
        + ", voicemail.max-seconds="
        + voicemailMaxSeconds
        + ", voicemail.silence-seconds="
        + voicemailSilenceSeconds
        + ", presence.watchers="
        + presenceWatchers
        + "]";
  }
}

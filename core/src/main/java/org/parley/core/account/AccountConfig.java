package org.parley.core.account;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What an account registers as and where.
 *
 * @param addressOfRecord the public identity, {@code sip:user@domain}
 * @param authUser the user name for digest authentication (often the AoR's user part)
 * @param password supplies the password each time a challenge is answered, so it need not be held
 *     in memory between registrations (a credential-store lookup, typically); it must return a
 *     fresh array, which the core overwrites once the digest is computed
 * @param outboundProxy where requests go first; empty means the domain itself
 * @param transport UDP, TCP or TLS to that first hop
 * @param expiresSeconds the registration lifetime asked for
 * @param keepAliveInterval how often a CRLF keep-alive goes over the flow (RFC 5626 §4.4.1)
 */
public record AccountConfig(
    String addressOfRecord,
    String authUser,
    Supplier<char[]> password,
    Optional<ServerAddress> outboundProxy,
    Transport transport,
    int expiresSeconds,
    Duration keepAliveInterval) {

  public static final int DEFAULT_EXPIRES_SECONDS = 3600;

  public AccountConfig {
    checkAddressOfRecord(addressOfRecord);
    checkExpiresSeconds(expiresSeconds);
  }

  /** Rejects anything that does not look like {@code sip:user@domain}. */
  static void checkAddressOfRecord(String addressOfRecord) {
    if (!addressOfRecord.toLowerCase(Locale.ROOT).startsWith("sip:")
        || addressOfRecord.indexOf('@') < 5
        || addressOfRecord.endsWith("@")) {
      throw new IllegalArgumentException(
          "An account's address must look like sip:user@domain, not " + addressOfRecord);
    }
  }

  static void checkExpiresSeconds(int expiresSeconds) {
    if (expiresSeconds <= 0) {
      throw new IllegalArgumentException("expiresSeconds must be positive");
    }
  }

  /** An account on UDP to its domain, authenticating as the AoR's user. */
  public static AccountConfig of(String addressOfRecord, Supplier<char[]> password) {
    String user = addressOfRecord.substring(4, addressOfRecord.indexOf('@'));
    return new AccountConfig(
        addressOfRecord,
        user,
        password,
        Optional.empty(),
        Transport.UDP,
        DEFAULT_EXPIRES_SECONDS,
        Duration.ofSeconds(25));
  }

  /** The AoR's user part. */
  public String user() {
    return addressOfRecord.substring(4, addressOfRecord.indexOf('@'));
  }

  /**
   * The AoR's domain: the registrar's Request-URI and the SIP domain a TLS certificate must name.
   */
  public String domain() {
    return addressOfRecord.substring(addressOfRecord.indexOf('@') + 1).toLowerCase(Locale.ROOT);
  }

  /** The first hop: the outbound proxy, else the domain on the transport's default port. */
  public ServerAddress firstHop() {
    return outboundProxy.orElseGet(() -> ServerAddress.parse(domain(), transport.defaultPort()));
  }

  /** Uses {@code proxy} ({@code host[:port]} or a SIP URI) as the outbound proxy. */
  public AccountConfig withOutboundProxy(String proxy) {
    return new AccountConfig(
        addressOfRecord,
        authUser,
        password,
        Optional.of(ServerAddress.parse(proxy, transport.defaultPort())),
        transport,
        expiresSeconds,
        keepAliveInterval);
  }

  /** Switches transport; keep-alives default to 25 s on UDP (NAT bindings) and 120 s otherwise. */
  public AccountConfig withTransport(Transport newTransport) {
    return new AccountConfig(
        addressOfRecord,
        authUser,
        password,
        outboundProxy,
        newTransport,
        expiresSeconds,
        Duration.ofSeconds(newTransport.reliable() ? 120 : 25));
  }

  public AccountConfig withExpiresSeconds(int seconds) {
    return new AccountConfig(
        addressOfRecord, authUser, password, outboundProxy, transport, seconds, keepAliveInterval);
  }

  public AccountConfig withAuthUser(String user) {
    return new AccountConfig(
        addressOfRecord,
        user,
        password,
        outboundProxy,
        transport,
        expiresSeconds,
        keepAliveInterval);
  }

  public AccountConfig withKeepAliveInterval(Duration interval) {
    return new AccountConfig(
        addressOfRecord, authUser, password, outboundProxy, transport, expiresSeconds, interval);
  }

  @Override
  public String toString() {
    return "AccountConfig[" + addressOfRecord + " via " + firstHop() + "/" + transport + "]";
  }
}

package org.parley.core.account;

import java.util.Objects;
import java.util.Optional;

/**
 * An account as the profile stores it: everything but the password, which stays in the OS
 * credential store under {@link #credentialKey()}.
 *
 * @param id the store's number for it; 0 before it is stored
 * @param displayName the name shown for the account and sent in From, e.g. {@code Alice Smith}
 * @param addressOfRecord the public identity, {@code sip:user@domain}
 * @param authUser the user name for digest authentication
 * @param outboundProxy where requests go first; empty means the domain's own registrar
 * @param transport UDP, TCP or TLS to that first hop
 * @param expiresSeconds the registration lifetime asked for
 * @param enabled whether the softphone registers the account at start
 */
public record AccountSettings(
    long id,
    String displayName,
    String addressOfRecord,
    String authUser,
    Optional<ServerAddress> outboundProxy,
    Transport transport,
    int expiresSeconds,
    boolean enabled) {

  public AccountSettings {
    Objects.requireNonNull(displayName, "displayName");
    AccountConfig.checkAddressOfRecord(addressOfRecord);
    Objects.requireNonNull(authUser, "authUser");
    Objects.requireNonNull(outboundProxy, "outboundProxy");
    Objects.requireNonNull(transport, "transport");
    AccountConfig.checkExpiresSeconds(expiresSeconds);
  }

  /** A new, enabled account on UDP to its domain, authenticating as the AoR's user. */
  public static AccountSettings of(String displayName, String addressOfRecord) {
    AccountConfig.checkAddressOfRecord(addressOfRecord);
    String user = addressOfRecord.substring(4, addressOfRecord.indexOf('@'));
    return new AccountSettings(
        0,
        displayName,
        addressOfRecord,
        user,
        Optional.empty(),
        Transport.UDP,
        AccountConfig.DEFAULT_EXPIRES_SECONDS,
        true);
  }

  /** The same settings with the id the store gave them. */
  public AccountSettings withId(long storedId) {
    return new AccountSettings(
        storedId,
        displayName,
        addressOfRecord,
        authUser,
        outboundProxy,
        transport,
        expiresSeconds,
        enabled);
  }

  /**
   * The key of this account's password in the credential store. Built from the id, which never
   * changes or is reused, rather than the AoR, which the user may edit.
   *
   * @throws IllegalStateException before the account is stored
   */
  public String credentialKey() {
    if (id <= 0) {
      throw new IllegalStateException("An account has no credential key before it is stored");
    }
    return "parley-account-" + id;
  }
}

package org.parley.core.account;

import java.time.Duration;
import java.util.function.Supplier;
import org.parley.core.credentials.CredentialStore;
import org.parley.core.credentials.CredentialStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Joins stored account settings with their password from the credential store. */
public final class AccountCredentials {

  private static final Logger LOG = LoggerFactory.getLogger(AccountCredentials.class);

  private final CredentialStore credentials;

  public AccountCredentials(CredentialStore credentials) {
    this.credentials = credentials;
  }

  /**
   * The configuration to register {@code account} with. Its password is looked up each time a
   * challenge is answered, so a changed password applies at the next registration and no copy stays
   * in memory here (the registration wipes each array, so this relies on the credential store
   * returning a fresh one from every {@code get}).
   *
   * @throws IllegalStateException when the account has not been stored yet
   */
  public AccountConfig config(AccountSettings account) {
    String key = account.credentialKey();
    AccountConfig config =
        new AccountConfig(
            account.addressOfRecord(),
            account.authUser(),
            password(key, account.addressOfRecord()),
            account.outboundProxy(),
            account.transport(),
            account.expiresSeconds(),
            Duration.ofSeconds(25));
    // withTransport picks the keep-alive interval that suits the transport.
    return config.withTransport(account.transport());
  }

  /** Stores or replaces the account's password; the caller may wipe {@code password} afterwards. */
  public void setPassword(AccountSettings account, char[] password)
      throws CredentialStoreException {
    credentials.put(account.credentialKey(), password);
  }

  /** Forgets the account's password, as when the account is deleted. */
  public void forgetPassword(AccountSettings account) throws CredentialStoreException {
    credentials.remove(account.credentialKey());
  }

  private Supplier<char[]> password(String key, String addressOfRecord) {
    return () -> {
      try {
        return credentials
            .get(key)
            .orElseGet(
                () -> {
                  LOG.warn(
                      "No password stored for {}; answering with an empty one", addressOfRecord);
                  return new char[0];
                });
      } catch (CredentialStoreException e) {
        // An empty password makes the server refuse it, which the user sees as such; throwing
        // here would escape into the SIP stack's thread instead.
        LOG.warn(
            "Could not read the password for {} from {}; answering with an empty one",
            addressOfRecord,
            credentials.description(),
            e);
        return new char[0];
      }
    };
  }
}

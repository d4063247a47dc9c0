package org.parley.app.desktop.session;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.app.desktop.viewmodel.StoredAccounts;
import org.parley.core.account.Account;
import org.parley.core.account.AccountSettings;
import org.parley.core.credentials.CredentialStoreException;

/**
 * The running profile's accounts as the account form changes them: the profile database, the
 * credential store, the trusted certificates and the live softphone, kept in step.
 */
public final class ProfileAccounts implements StoredAccounts {

  /** How long an edited or removed account waits for its registrar to drop the old binding. */
  static final Duration UNREGISTER_TIMEOUT = Duration.ofSeconds(5);

  /** What the UI does with an account that starts or stops running. */
  public interface Listeners {
    /** Listens to the account's events and registers it. */
    void attach(Account account);

    /** Stops listening to the account, which is about to be un-registered. */
    void detach(Account account);
  }

  private final DesktopSession session;
  private final Listeners listeners;
  private final Consumer<String> removed;
  private final AccountCertificates certificates;
  private final VoicemailApiSettings voicemailApis;

  /**
   * @param removed told (off the UI thread) the address of an account that no longer runs
   */
  public ProfileAccounts(DesktopSession session, Listeners listeners, Consumer<String> removed) {
    this.session = session;
    this.listeners = listeners;
    this.removed = removed;
    this.certificates = new AccountCertificates(session.database().settings());
    this.voicemailApis = new VoicemailApiSettings(session.database().settings());
  }

  @Override
  public Optional<AccountSettings> find(String addressOfRecord) {
    return session.database().accounts().list().stream()
        .filter(account -> account.addressOfRecord().equals(addressOfRecord))
        .findFirst();
  }

  @Override
  public Optional<URI> voicemailApi(String addressOfRecord) {
    return voicemailApis.address(addressOfRecord);
  }

  @Override
  public List<X509Certificate> trustedCertificates(AccountSettings account) {
    return certificates.trusted(account.id());
  }

  @Override
  public char[] password(AccountSettings account) {
    return session.credentials().config(account).password().get();
  }

  @Override
  public void add(AccountSettings account, char[] password, List<X509Certificate> trusted)
      throws CredentialStoreException {
    AccountSettings stored = session.database().accounts().save(account);
    session.credentials().setPassword(stored, password);
    certificates.setTrusted(stored.id(), trusted);
    start(stored);
  }

  @Override
  public void replace(
      AccountSettings before,
      AccountSettings after,
      Optional<char[]> password,
      List<X509Certificate> trusted)
      throws CredentialStoreException {
    stop(before);
    AccountSettings stored = session.database().accounts().save(after.withId(before.id()));
    if (password.isPresent()) {
      session.credentials().setPassword(stored, password.get());
    }
    certificates.setTrusted(stored.id(), trusted);
    if (stored.enabled()) {
      start(stored);
    }
  }

  @Override
  public void remove(AccountSettings account) throws CredentialStoreException {
    stop(account);
    session.database().accounts().delete(account.id());
    session.credentials().forgetPassword(account);
    certificates.forget(account.id());
  }

  @Override
  public void saveVoicemailApi(String addressOfRecord, Optional<URI> apiAddress) {
    voicemailApis.setAddress(addressOfRecord, apiAddress);
  }

  private void start(AccountSettings stored) {
    listeners.attach(session.addAccount(stored));
  }

  // The old binding goes first (un-REGISTER), so the registrar never holds both.
  private void stop(AccountSettings account) {
    String aor = account.addressOfRecord();
    session.accounts().stream()
        .filter(running -> running.addressOfRecord().equals(aor))
        .forEach(listeners::detach);
    session.removeAccount(aor, UNREGISTER_TIMEOUT);
    removed.accept(aor);
  }
}

package org.parley.app.desktop.viewmodel;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.parley.core.account.AccountSettings;

/** The accounts already stored: what the account form's editing, removing and trusting work on. */
public interface StoredAccounts {

  /** The stored account with that address (slow: reads the profile). */
  Optional<AccountSettings> find(String addressOfRecord) throws Exception;

  /** Its visual-voicemail API address, empty when derived from the account. */
  Optional<URI> voicemailApi(String addressOfRecord) throws Exception;

  /** The server certificates the user trusted for it. */
  List<X509Certificate> trustedCertificates(AccountSettings account) throws Exception;

  /** Its stored password, a fresh array the caller wipes. */
  char[] password(AccountSettings account) throws Exception;

  /** Stores a new account, its password and trusted certificates, then starts using it. */
  void add(AccountSettings account, char[] password, List<X509Certificate> trusted)
      throws Exception;

  /**
   * Un-registers {@code before}, stores {@code after} in its place (its password too when given,
   * and the trusted certificates), then registers it.
   */
  void replace(
      AccountSettings before,
      AccountSettings after,
      Optional<char[]> password,
      List<X509Certificate> trusted)
      throws Exception;

  /** Un-registers the account and deletes it, its password and trusted certificates. */
  void remove(AccountSettings account) throws Exception;

  /** Keeps the account's visual-voicemail API address; empty means derived. */
  void saveVoicemailApi(String addressOfRecord, Optional<URI> apiAddress) throws Exception;

  /** Adds through {@code saver}; finds no stored account, so editing and removing do nothing. */
  static StoredAccounts addingOnly(
      AddAccountViewModel.AccountSaver saver, AddAccountViewModel.VoicemailApiSaver apiSaver) {
    return new StoredAccounts() {
      @Override
      public Optional<AccountSettings> find(String addressOfRecord) {
        return Optional.empty();
      }

      @Override
      public Optional<URI> voicemailApi(String addressOfRecord) {
        return Optional.empty();
      }

      @Override
      public List<X509Certificate> trustedCertificates(AccountSettings account) {
        return List.of();
      }

      @Override
      public char[] password(AccountSettings account) {
        throw new UnsupportedOperationException("This form only adds accounts");
      }

      @Override
      public void add(AccountSettings account, char[] password, List<X509Certificate> trusted)
          throws Exception {
        saver.save(account, password);
      }

      @Override
      public void replace(
          AccountSettings before,
          AccountSettings after,
          Optional<char[]> password,
          List<X509Certificate> trusted) {
        throw new UnsupportedOperationException("This form only adds accounts");
      }

      @Override
      public void remove(AccountSettings account) {
        throw new UnsupportedOperationException("This form only adds accounts");
      }

      @Override
      public void saveVoicemailApi(String addressOfRecord, Optional<URI> apiAddress)
          throws Exception {
        apiSaver.save(addressOfRecord, apiAddress);
      }
    };
  }
}

package org.parley.app.desktop.session;

import java.util.List;
import java.util.function.Supplier;
import org.parley.app.desktop.viewmodel.CallEncryptionViewModel;
import org.parley.app.desktop.viewmodel.CallEncryptionViewModel.AccountChoice;
import org.parley.core.account.Account;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.AccountSettingsStore;
import org.parley.core.call.CallPolicy;
import org.parley.core.call.MediaEncryption;
import org.parley.core.call.TransferConsent;

/**
 * Keeps each account's SRTP choice in the profile's settings (by the account's stored id) and sets
 * the running account's call policy to match; the running account is found by its address.
 */
public final class AccountCallPolicies implements CallEncryptionViewModel.Policies {

  private final AccountSettingsStore accounts;
  private final DesktopSettings settings;
  private final Supplier<List<Account>> running;

  /**
   * @param running the softphone's accounts now (accounts added later are found too)
   */
  public AccountCallPolicies(
      AccountSettingsStore accounts, DesktopSettings settings, Supplier<List<Account>> running) {
    this.accounts = accounts;
    this.settings = settings;
    this.running = running;
  }

  /** Gives every running account the policy stored for it; call before the first call. */
  public void applyStored() {
    for (AccountSettings stored : accounts.list()) {
      apply(stored, settings.callEncryption(stored.id()));
    }
  }

  @Override
  public List<AccountChoice> load() {
    return accounts.list().stream()
        .map(
            stored ->
                new AccountChoice(
                    stored.id(), stored.addressOfRecord(), settings.callEncryption(stored.id())))
        .toList();
  }

  @Override
  public void save(long accountId, MediaEncryption encryption) {
    settings.setCallEncryption(accountId, encryption);
    accounts.find(accountId).ifPresent(stored -> apply(stored, encryption));
  }

  /**
   * The desktop's call policy: the chosen encryption, and a peer's transfer asked about first (the
   * core's default, for headless phones, follows it at once).
   */
  public static CallPolicy policy(MediaEncryption encryption) {
    return CallPolicy.defaults().withEncryption(encryption).withTransfers(TransferConsent.ask());
  }

  private void apply(AccountSettings stored, MediaEncryption encryption) {
    for (Account account : running.get()) {
      if (account.addressOfRecord().equals(stored.addressOfRecord())) {
        account.setCallPolicy(policy(encryption));
      }
    }
  }
}

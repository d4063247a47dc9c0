package org.parley.core.account;

import java.util.List;
import java.util.Optional;

/**
 * The accounts kept in the profile (never their passwords). Thread-safe; failures are {@link
 * org.parley.core.store.StoreException}s.
 */
public interface AccountSettingsStore {

  /** Every account, in the order they were added. */
  List<AccountSettings> list();

  Optional<AccountSettings> find(long id);

  /**
   * Adds the account when its id is 0, else replaces the stored one with that id.
   *
   * @return the settings with their id
   * @throws org.parley.core.store.StoreException when there is no account with a non-zero id
   */
  AccountSettings save(AccountSettings account);

  /** Forgets the account; returns whether there was one with that id. */
  boolean delete(long id);
}

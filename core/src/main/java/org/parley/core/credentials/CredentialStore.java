package org.parley.core.credentials;

import java.util.Optional;

/**
 * Keeps account passwords out of the profile database: implemented in the {@code native} module by
 * the OS's keychain or credential manager, or by a locked-down file where none exists.
 */
public interface CredentialStore {

  /** Stores or replaces the secret for an account key such as {@code sip:alice@example.com}. */
  void put(String accountKey, char[] secret) throws CredentialStoreException;

  Optional<char[]> get(String accountKey) throws CredentialStoreException;

  /** Forgets the secret; does nothing if there was none. */
  void remove(String accountKey) throws CredentialStoreException;

  /** A short description for settings and logs, such as "file (0600)". */
  String description();
}

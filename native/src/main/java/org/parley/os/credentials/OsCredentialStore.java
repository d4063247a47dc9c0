package org.parley.os.credentials;

import org.parley.core.credentials.CredentialStore;

/** A credential store kept by the operating system, which may be missing or locked on a machine. */
public interface OsCredentialStore extends CredentialStore {

  /**
   * Whether the store answers here now: a harmless lookup succeeds. Never throws and never prompts
   * for longer than the store's probe time limit.
   */
  boolean usable();
}

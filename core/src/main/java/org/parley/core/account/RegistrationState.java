package org.parley.core.account;

/** Where an account's registration stands. */
public enum RegistrationState {
  /** Not registered and not trying. */
  IDLE,
  /** A REGISTER is in flight. */
  REGISTERING,
  /** Bound; a refresh is scheduled. */
  REGISTERED,
  /** The last attempt failed; a retry may be scheduled. */
  FAILED,
  /** The un-REGISTER is in flight. */
  UNREGISTERING
}

package org.parley.core.account;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What happened to an account's registration; delivered to listeners on the core's loop. */
public sealed interface RegistrationEvent {

  Account account();

  /**
   * The registrar accepted the binding.
   *
   * @param expiresSeconds the lifetime the registrar granted (it may differ from the request)
   * @param contacts every contact the registrar holds for the AoR, ours included
   */
  record Registered(Account account, int expiresSeconds, List<String> contacts)
      implements RegistrationEvent {
    public Registered {
      contacts = List.copyOf(contacts);
    }
  }

  /**
   * A REGISTER failed.
   *
   * @param reason a sentence for the user, such as "The server refused the user name or password"
   * @param statusCode the SIP status, or 0 when no response came (network, TLS, timeout)
   * @param retryIn when the core tries again by itself; empty when it will not (a wrong password is
   *     not retried: that would only lock the account)
   */
  record RegistrationFailed(
      Account account,
      FailureCause cause,
      String reason,
      int statusCode,
      Optional<Duration> retryIn)
      implements RegistrationEvent {}

  /** The binding is gone: un-REGISTERed on request or on close. */
  record Unregistered(Account account) implements RegistrationEvent {}

  /** Why a registration failed, for code that reacts (settings dialog, tray icon). */
  enum FailureCause {
    WRONG_CREDENTIALS,
    REJECTED,
    UNREACHABLE,
    TIMEOUT,
    TLS_CERTIFICATE
  }
}

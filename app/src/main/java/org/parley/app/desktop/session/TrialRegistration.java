package org.parley.app.desktop.session;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.app.desktop.viewmodel.AddAccountViewModel;
import org.parley.app.desktop.viewmodel.AddAccountViewModel.Failure;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.Account;
import org.parley.core.account.AccountConfig;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.account.ServerAddress;
import org.parley.core.sip.SipException;

/**
 * Checks an account before it is saved by registering it once from a short-lived softphone of its
 * own (the running one cannot remove an account again), then un-registering.
 */
public final class TrialRegistration implements AddAccountViewModel.RegistrationCheck {

  private final Duration timeout;

  public TrialRegistration(Duration timeout) {
    this.timeout = timeout;
  }

  /** Registers and un-registers once; wipes {@code password} before it returns. */
  @Override
  public Optional<Failure> register(AccountSettings account, char[] password) {
    try {
      return registerOnce(account, password);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private Optional<Failure> registerOnce(AccountSettings account, char[] password) {
    AccountConfig config =
        new AccountConfig(
                account.addressOfRecord(),
                account.authUser(),
                password::clone,
                account.outboundProxy(),
                account.transport(),
                account.expiresSeconds(),
                Duration.ofSeconds(25))
            .withTransport(account.transport());
    ServerAddress hop = config.firstHop();
    Optional<String> local = LocalAddress.towards(hop);
    if (local.isEmpty()) {
      return Optional.of(new Failure(FailureCause.UNREACHABLE, "no route to " + hop));
    }
    Softphone softphone;
    try {
      softphone = Softphone.start(SoftphoneConfig.defaults(local.get()));
    } catch (SipException e) {
      return Optional.of(new Failure(FailureCause.UNREACHABLE, e.getMessage()));
    }
    try {
      Account trial = softphone.addAccount(config);
      BlockingQueue<RegistrationEvent> events = new LinkedBlockingQueue<>();
      trial.addRegistrationListener(events::add);
      trial.register();
      RegistrationEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (event instanceof Registered) {
        return Optional.empty();
      }
      if (event instanceof RegistrationFailed failed) {
        return Optional.of(new Failure(failed.cause(), failed.reason()));
      }
      return Optional.of(new Failure(FailureCause.TIMEOUT, "no answer"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new Failure(FailureCause.TIMEOUT, "interrupted"));
    } finally {
      softphone.close();
    }
  }
}

package org.parley.app.desktop.session;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
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
import org.parley.core.sip.tls.PresentedCertificates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an account before it is saved by registering it once from a short-lived softphone of its
 * own (the running one cannot remove an account again), then un-registering.
 */
public final class TrialRegistration implements AddAccountViewModel.RegistrationCheck {

  private static final Logger LOG = LoggerFactory.getLogger(TrialRegistration.class);
  private static final Duration CERTIFICATE_TIMEOUT = Duration.ofSeconds(5);

  private final Duration timeout;

  public TrialRegistration(Duration timeout) {
    this.timeout = timeout;
  }

  /** Registers and un-registers once; wipes {@code password} before it returns. */
  @Override
  public Optional<Failure> register(AccountSettings account, char[] password) {
    return register(account, password, List.of());
  }

  /**
   * Registers and un-registers once, trusting {@code trusted} for the account's TLS server too;
   * wipes {@code password} before it returns. When the server's certificate is the problem, the
   * failure carries the chain it presents, for the user to look at.
   */
  @Override
  public Optional<Failure> register(
      AccountSettings account, char[] password, List<X509Certificate> trusted) {
    try {
      Optional<Failure> failure = registerOnce(account, password, trusted);
      if (failure.isPresent() && failure.get().cause() == FailureCause.TLS_CERTIFICATE) {
        return Optional.of(withPresentedChain(failure.get(), account));
      }
      return failure;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private Failure withPresentedChain(Failure failure, AccountSettings account) {
    ServerAddress hop = config(account, () -> new char[0]).firstHop();
    try {
      return new Failure(
          failure.cause(), failure.detail(), PresentedCertificates.fetch(hop, CERTIFICATE_TIMEOUT));
    } catch (IOException e) {
      LOG.info("Could not fetch the certificate of {}: {}", hop, e.getMessage());
      return failure;
    }
  }

  private static AccountConfig config(AccountSettings account, Supplier<char[]> password) {
    return new AccountConfig(
            account.addressOfRecord(),
            account.authUser(),
            password,
            account.outboundProxy(),
            account.transport(),
            account.expiresSeconds(),
            Duration.ofSeconds(25))
        .withTransport(account.transport());
  }

  private Optional<Failure> registerOnce(
      AccountSettings account, char[] password, List<X509Certificate> trusted) {
    AccountConfig config = config(account, password::clone);
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
      if (!trusted.isEmpty()) {
        softphone.trustServerCertificates(config.domain(), trusted);
      }
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
    } catch (SipException e) {
      return Optional.of(new Failure(FailureCause.TLS_CERTIFICATE, e.getMessage()));
    } finally {
      softphone.close();
    }
  }
}

package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.app.desktop.viewmodel.AddAccountViewModel.Failure;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.ServerAddress;
import org.parley.core.testing.BundledServer;

/** The add-account check against our own server on loopback. */
class TrialRegistrationIT {

  private BundledServer server;
  private final TrialRegistration trial = new TrialRegistration(Duration.ofSeconds(10));

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("alice", "correct-horse");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theRightPasswordRegistersAndIsWipedAfterwards() {
    char[] password = "correct-horse".toCharArray();

    assertThat(trial.register(alice(), password)).isEmpty();
    assertThat(new String(password)).isEqualTo("\0".repeat(13));
  }

  @Test
  void aWrongPasswordIsReportedAsSuch() {
    Optional<Failure> failure = trial.register(alice(), "battery-staple".toCharArray());

    assertThat(failure).map(Failure::cause).contains(FailureCause.WRONG_CREDENTIALS);
  }

  private AccountSettings alice() {
    AccountSettings plain = AccountSettings.of("Alice", "sip:alice@" + BundledServer.DOMAIN);
    return new AccountSettings(
        0,
        plain.displayName(),
        plain.addressOfRecord(),
        plain.authUser(),
        Optional.of(ServerAddress.parse("127.0.0.1:" + server.port(), 5060)),
        plain.transport(),
        plain.expiresSeconds(),
        true);
  }
}

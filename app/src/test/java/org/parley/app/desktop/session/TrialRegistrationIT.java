package org.parley.app.desktop.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.app.desktop.viewmodel.AddAccountViewModel.Failure;
import org.parley.core.account.AccountSettings;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.ServerAddress;
import org.parley.core.account.Transport;
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

  @Test
  void anUntrustedTlsServerIsReportedWithItsCertificateAndRegistersOnceTrusted(
      @TempDir Path certificates) throws Exception {
    try (BundledServer tls =
        BundledServer.builder()
            .tls(BundledServer.DOMAIN, certificates)
            .start()
            .user("alice", "correct-horse")) {
      X509Certificate presented = tls.certificate();
      AccountSettings overTls = over(tls.tlsPort(), Transport.TLS);

      Optional<Failure> refused = trial.register(overTls, "correct-horse".toCharArray());

      assertThat(refused).map(Failure::cause).contains(FailureCause.TLS_CERTIFICATE);
      assertThat(refused.orElseThrow().presented()).first().isEqualTo(presented);
      assertThat(trial.register(overTls, "correct-horse".toCharArray(), List.of(presented)))
          .isEmpty();
    }
  }

  private AccountSettings alice() {
    return over(server.port(), Transport.UDP);
  }

  private static AccountSettings over(int port, Transport transport) {
    AccountSettings plain = AccountSettings.of("Alice", "sip:alice@" + BundledServer.DOMAIN);
    return new AccountSettings(
        0,
        plain.displayName(),
        plain.addressOfRecord(),
        plain.authUser(),
        Optional.of(ServerAddress.parse("127.0.0.1:" + port, 5060)),
        transport,
        plain.expiresSeconds(),
        true);
  }
}

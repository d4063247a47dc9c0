package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.sip.tls.PresentedCertificates;
import org.parley.core.sip.tls.TlsTrust;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.VirtualTimeLoop;

/** REGISTER over TLS: the certificate must chain to a trusted anchor and name the SIP domain. */
class TlsRegistrationIT {

  @TempDir Path certificates;

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private BundledServer server;
  private Softphone softphone;

  @AfterEach
  void stop() {
    if (softphone != null) {
      softphone.close();
    }
    if (server != null) {
      server.close();
    }
    loop.close();
  }

  private Account tlsAccount(TlsTrust trust) throws Exception {
    softphone =
        Softphone.start(
            SoftphoneConfig.defaults("127.0.0.1")
                .withLoop(loop)
                .withClock(loop.clock())
                .withTlsTrust(trust)
                .withNetworkMonitor(java.util.Set::of));
    return softphone.addAccount(
        AccountConfig.of("sip:alice@" + BundledServer.DOMAIN, "wonder"::toCharArray)
            .withTransport(Transport.TLS)
            .withOutboundProxy("127.0.0.1:" + server.tlsPort()));
  }

  @Test
  void trustedCertificateForTheDomainRegisters() throws Exception {
    server = tlsServer(BundledServer.DOMAIN);
    Account alice = tlsAccount(TlsTrust.trusting(server.trustStore()));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);

    alice.register();

    events.next(Registered.class);
    assertThat(server.contactsOf("alice")).singleElement().asString().contains("transport=tls");
  }

  @Test
  void certificateForAnotherDomainIsRefusedNamingTheExpectedDomain() throws Exception {
    server = tlsServer("other.example");
    Account alice = tlsAccount(TlsTrust.trusting(server.trustStore()));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);

    alice.register();

    RegistrationFailed failed = events.next(RegistrationFailed.class);
    assertThat(failed.cause()).isEqualTo(FailureCause.TLS_CERTIFICATE);
    assertThat(failed.reason())
        .isEqualTo(
            "The server's TLS certificate is not valid for office.example (it names"
                + " other.example, localhost)");
    assertThat(failed.retryIn()).isPresent();
    assertThat(server.contactsOf("alice")).isEmpty();
  }

  @Test
  void certificateFromAnUntrustedIssuerIsRefused() throws Exception {
    server = tlsServer(BundledServer.DOMAIN);
    Account alice = tlsAccount(TlsTrust.system());
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);

    alice.register();

    RegistrationFailed failed = events.next(RegistrationFailed.class);
    assertThat(failed.cause()).isEqualTo(FailureCause.TLS_CERTIFICATE);
    assertThat(failed.reason())
        .startsWith("The server's TLS certificate is not trusted for office.example");
  }

  @Test
  void certificateTrustedForTheAccountsDomainRegistersWithoutTrustingItForOthers()
      throws Exception {
    server = tlsServer(BundledServer.DOMAIN);
    Account alice = tlsAccount(TlsTrust.system());
    softphone.trustServerCertificates("elsewhere.example", List.of(serverCertificate()));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);
    alice.register();
    assertThat(events.next(RegistrationFailed.class).cause())
        .isEqualTo(FailureCause.TLS_CERTIFICATE);
    softphone.removeAccount(alice).get(10, TimeUnit.SECONDS);

    softphone.trustServerCertificates(BundledServer.DOMAIN, List.of(serverCertificate()));
    Account again = softphone.addAccount(alice.config());
    again.addRegistrationListener(events);
    again.register();

    events.next(Registered.class);
    assertThat(server.contactsOf("alice")).singleElement().asString().contains("transport=tls");
  }

  @Test
  void removingAnAccountUnregistersItAndForgetsIt() throws Exception {
    server = tlsServer(BundledServer.DOMAIN);
    Account alice = tlsAccount(TlsTrust.trusting(server.trustStore()));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);
    alice.register();
    events.next(Registered.class);

    softphone.removeAccount(alice).get(10, TimeUnit.SECONDS);

    assertThat(server.contactsOf("alice")).isEmpty();
    assertThat(softphone.accounts()).isEmpty();
  }

  @Test
  void thePresentedCertificateIsFetchedWithoutTrustingIt() throws Exception {
    server = tlsServer(BundledServer.DOMAIN);

    List<X509Certificate> chain =
        PresentedCertificates.fetch(
            new ServerAddress("127.0.0.1", server.tlsPort()), Duration.ofSeconds(5));

    assertThat(chain).first().isEqualTo(serverCertificate());
  }

  private X509Certificate serverCertificate() {
    return server.certificate();
  }

  // A server with a generated certificate that names {@code name} (and localhost), and alice.
  private BundledServer tlsServer(String name) throws Exception {
    return BundledServer.builder().tls(name, certificates).start().user("alice", "wonder");
  }
}

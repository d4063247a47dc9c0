package org.parley.core.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Certificates trusted for one SIP domain (a self-signed office.example certificate, 100 years).
 */
class SipTrustManagerTest {

  private final List<String> refusals = new ArrayList<>();

  @Test
  void aCertificateTrustedForItsDomainIsAccepted() throws Exception {
    SipTrustManager manager = new SipTrustManager(TlsTrust.system(), refusals::add);
    manager.expectDomain("office.example", "127.0.0.1", 5061);

    manager.trustForDomain("OFFICE.example", List.of(office()));

    assertThatCode(() -> manager.checkServerTrusted(new X509Certificate[] {office()}, "EC"))
        .doesNotThrowAnyException();
    assertThat(refusals).isEmpty();
  }

  @Test
  void aCertificateTrustedForAnotherDomainIsStillRefused() throws Exception {
    SipTrustManager manager = new SipTrustManager(TlsTrust.system(), refusals::add);
    manager.expectDomain("office.example", "127.0.0.1", 5061);

    manager.trustForDomain("elsewhere.example", List.of(office()));

    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[] {office()}, "EC"))
        .isInstanceOf(CertificateException.class)
        .hasMessageStartingWith("The server's TLS certificate is not trusted for office.example");
    assertThat(refusals).hasSize(1);
  }

  @Test
  void trustingAnEmptyListTakesTheTrustBack() throws Exception {
    SipTrustManager manager = new SipTrustManager(TlsTrust.system(), refusals::add);
    manager.expectDomain("office.example", "127.0.0.1", 5061);
    manager.trustForDomain("office.example", List.of(office()));

    manager.trustForDomain("office.example", List.of());

    assertThatThrownBy(() -> manager.checkServerTrusted(new X509Certificate[] {office()}, "EC"))
        .isInstanceOf(CertificateException.class);
  }

  private static X509Certificate office() throws Exception {
    try (InputStream in = SipTrustManagerTest.class.getResourceAsStream("office.pem")) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}

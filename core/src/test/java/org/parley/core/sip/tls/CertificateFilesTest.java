package org.parley.core.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.testing.BundledServer;

class CertificateFilesTest {

  @TempDir static Path directory;

  private static X509Certificate certificate;

  @BeforeAll
  static void generate() throws Exception {
    try (BundledServer server =
        BundledServer.builder().tls(BundledServer.DOMAIN, directory).start()) {
      certificate = server.certificate();
    }
  }

  @Test
  void derBytesAreRead() throws Exception {
    assertThat(CertificateFiles.read(certificate.getEncoded())).containsExactly(certificate);
  }

  @Test
  void pemWrittenHereIsReadBack() throws Exception {
    String pem = CertificateFiles.pem(List.of(certificate, certificate));

    assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n");
    assertThat(pem.lines().filter(line -> line.length() > 64)).isEmpty();
    assertThat(CertificateFiles.read(pem.getBytes(StandardCharsets.US_ASCII)))
        .containsExactly(certificate, certificate);
  }

  @Test
  void textThatIsNoCertificateIsRefusedInPlainWords() {
    byte[] garbage = "hello, this is not a certificate\n".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> CertificateFiles.read(garbage))
        .isInstanceOf(CertificateException.class)
        .hasMessage("The file holds no certificate in PEM or DER form");
  }

  @Test
  void aTruncatedCertificateIsRefused() throws Exception {
    byte[] der = certificate.getEncoded();
    byte[] half = Arrays.copyOf(der, der.length / 2);

    assertThatThrownBy(() -> CertificateFiles.read(half))
        .isInstanceOf(CertificateException.class)
        .hasMessage("The file holds no certificate in PEM or DER form");
  }

  @Test
  void anEmptyFileIsRefused() {
    assertThatThrownBy(() -> CertificateFiles.read(new byte[0])).hasMessage("The file is empty");
  }

  @Test
  void theSummaryNamesSubjectIssuerAndAFingerprintOfTheDerBytes() throws Exception {
    CertificateSummary summary = CertificateSummary.of(certificate);

    assertThat(summary.subject()).contains("CN=" + BundledServer.DOMAIN);
    assertThat(summary.issuer()).isEqualTo(summary.subject());
    assertThat(summary.notAfter()).isAfter(summary.notBefore());
    assertThat(summary.sha256Fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }

  @Test
  void theFingerprintIsSha256AsColonSeparatedPairs() {
    // FIPS 180-2, appendix B.1: SHA-256("abc").
    assertThat(CertificateSummary.fingerprint("abc".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(
            "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:"
                + "B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD");
  }
}

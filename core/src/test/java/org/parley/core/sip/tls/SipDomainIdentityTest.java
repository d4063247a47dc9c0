package org.parley.core.sip.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** RFC 5922 §7.1/§7.2 identity matching on certificates built for each case. */
class SipDomainIdentityTest {

  private static X509Certificate certificate(String commonName, GeneralName... altNames)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + commonName);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            BigInteger.ONE,
            Date.from(now.minus(1, ChronoUnit.HOURS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            subject,
            keys.getPublic());
    if (altNames.length > 0) {
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(altNames));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  private static GeneralName uri(String value) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, value);
  }

  private static GeneralName dns(String value) {
    return new GeneralName(GeneralName.dNSName, value);
  }

  @Test
  void sipUriSubjectAltNameIdentifiesTheDomainAndTheCommonNameIsIgnored() throws Exception {
    X509Certificate certificate = certificate("wrong.example", uri("sip:Office.Example"));

    assertThat(SipDomainIdentity.identities(certificate)).containsExactly("office.example");
    assertThat(SipDomainIdentity.matches(certificate, "office.example")).isTrue();
    assertThat(SipDomainIdentity.matches(certificate, "wrong.example")).isFalse();
  }

  @Test
  void dnsNamesCountAndUrisOfUsersOrOtherSchemesDoNot() throws Exception {
    X509Certificate certificate =
        certificate(
            "office.example",
            uri("sip:alice@office.example"),
            uri("https://office.example"),
            dns("sip.office.example"));

    assertThat(SipDomainIdentity.identities(certificate)).containsExactly("sip.office.example");
    assertThat(SipDomainIdentity.matches(certificate, "office.example")).isFalse();
  }

  @Test
  void commonNameIsUsedOnlyWithoutSubjectAltNames() throws Exception {
    assertThat(SipDomainIdentity.matches(certificate("office.example"), "office.example")).isTrue();
  }

  @Test
  void wildcardsMatchNothing() throws Exception {
    X509Certificate certificate = certificate("x", dns("*.example"));

    assertThat(SipDomainIdentity.matches(certificate, "office.example")).isFalse();
  }
}

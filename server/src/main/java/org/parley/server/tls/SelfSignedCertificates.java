package org.parley.server.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Makes the self-signed X.509 v3 server certificate used when none is configured. */
final class SelfSignedCertificates {

  /** Ten years, counted from an hour ago so a client whose clock lags still accepts it. */
  static final Duration VALIDITY = Duration.ofDays(3653);

  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final byte[] LOOPBACK_IPV4 = {127, 0, 0, 1};

  private SelfSignedCertificates() {}

  /** A key pair and the certificate that binds it to the domain. */
  record Generated(KeyPair keyPair, X509Certificate certificate) {}

  /**
   * Generates a key and a certificate for {@code domain}: CN and a subjectAltName for the domain
   * (IP when it is an IP literal, else DNS), plus DNS:localhost and IP:127.0.0.1.
   */
  static Generated generate(
      String domain,
      Optional<InetAddress> domainAddress,
      KeyType keyType,
      SecureRandom random,
      Instant now)
      throws GeneralSecurityException {
    KeyPair keyPair = keyType.generate(random);
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, domain).build();
    Instant notBefore = now.minus(BACKDATE);
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            serialNumber(random),
            Date.from(notBefore),
            Date.from(notBefore.plus(VALIDITY)),
            subject,
            keyPair.getPublic());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      builder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(keyType.keyUsage()))
          .addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(
              Extension.subjectAlternativeName, false, subjectAltNames(domain, domainAddress))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
      ContentSigner signer =
          new JcaContentSignerBuilder(keyType.signatureAlgorithm())
              .setSecureRandom(random)
              .build(keyPair.getPrivate());
      X509Certificate certificate =
          new JcaX509CertificateConverter().getCertificate(builder.build(signer));
      return new Generated(keyPair, certificate);
    } catch (CertIOException | OperatorCreationException e) {
      throw new GeneralSecurityException("Cannot build the certificate: " + e.getMessage(), e);
    }
  }

  private static GeneralNames subjectAltNames(String domain, Optional<InetAddress> domainAddress) {
    List<GeneralName> names = new ArrayList<>();
    if (domainAddress.isPresent()) {
      names.add(ipName(domainAddress.get().getAddress()));
    } else {
      names.add(new GeneralName(GeneralName.dNSName, domain));
    }
    if (!"localhost".equals(domain)) {
      names.add(new GeneralName(GeneralName.dNSName, "localhost"));
    }
    if (domainAddress.isEmpty()
        || !Arrays.equals(domainAddress.get().getAddress(), LOOPBACK_IPV4)) {
      names.add(ipName(LOOPBACK_IPV4));
    }
    return new GeneralNames(names.toArray(GeneralName[]::new));
  }

  private static GeneralName ipName(byte[] address) {
    return new GeneralName(GeneralName.iPAddress, new DEROctetString(address));
  }

  /** A random positive 128-bit serial (RFC 5280 §4.1.2.2 allows up to 20 octets). */
  private static BigInteger serialNumber(SecureRandom random) {
    BigInteger serial;
    do {
      byte[] bytes = new byte[16];
      random.nextBytes(bytes);
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0);
    return serial;
  }
}

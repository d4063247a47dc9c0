package org.parley.server.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.x509.KeyUsage;

/** The kinds of key a generated server certificate can have. */
enum KeyType {
  /** RSA 2048: what every SIP phone, old or new, can verify; the default. */
  RSA_2048("RSA", "SHA256withRSA", KeyUsage.digitalSignature | KeyUsage.keyEncipherment),
  /** ECDSA on P-256: smaller and faster, but some older hardware phones lack it. */
  EC_P256("EC", "SHA256withECDSA", KeyUsage.digitalSignature);

  private final String jcaName;
  private final String signatureAlgorithm;
  private final int keyUsage;

  KeyType(String jcaName, String signatureAlgorithm, int keyUsage) {
    this.jcaName = jcaName;
    this.signatureAlgorithm = signatureAlgorithm;
    this.keyUsage = keyUsage;
  }

  KeyPair generate(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
    if (this == RSA_2048) {
      generator.initialize(2048, random);
    } else {
      generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    }
    return generator.generateKeyPair();
  }

  String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /** The bits of the certificate's keyUsage extension (RFC 5280 §4.2.1.3). */
  int keyUsage() {
    return keyUsage;
  }
}

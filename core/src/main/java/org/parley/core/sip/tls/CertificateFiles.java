package org.parley.core.sip.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Reads X.509 certificates from PEM or DER bytes and writes them as PEM text. */
public final class CertificateFiles {

  /** Larger than any certificate file a user would pick; a bigger file is not one. */
  public static final int MAX_FILE_BYTES = 256 * 1024;

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private CertificateFiles() {}

  /**
   * The certificates in {@code content}: one DER certificate or one or more PEM blocks.
   *
   * @throws CertificateException with a sentence for the user when there is no certificate in it
   */
  public static List<X509Certificate> read(byte[] content) throws CertificateException {
    if (content.length == 0) {
      throw new CertificateException("The file is empty");
    }
    if (content.length > MAX_FILE_BYTES) {
      throw new CertificateException("The file is too large to be a certificate");
    }
    Collection<? extends Certificate> found;
    try {
      found =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(content));
    } catch (CertificateException | RuntimeException e) {
      // The JDK's parser throws runtime exceptions on some garbage (say, broken Base64).
      throw new CertificateException("The file holds no certificate in PEM or DER form", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : found) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    if (certificates.isEmpty()) {
      throw new CertificateException("The file holds no certificate in PEM or DER form");
    }
    return List.copyOf(certificates);
  }

  /** {@code certificates} as PEM blocks, one after the other. */
  public static String pem(List<X509Certificate> certificates) throws CertificateEncodingException {
    StringBuilder text = new StringBuilder();
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    for (X509Certificate certificate : certificates) {
      text.append(BEGIN)
          .append('\n')
          .append(base64.encodeToString(certificate.getEncoded()))
          .append('\n')
          .append(END)
          .append('\n');
    }
    return text.toString();
  }
}

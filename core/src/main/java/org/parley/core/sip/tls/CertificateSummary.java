package org.parley.core.sip.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;

/**
 * What a user checks before trusting a certificate: who it names, who issued it, when it is valid
 * and its SHA-256 fingerprint (to compare with what the server's administrator reads out).
 *
 * @param subject the subject's distinguished name (RFC 2253)
 * @param issuer the issuer's distinguished name (RFC 2253); the subject again when self-signed
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param sha256Fingerprint the SHA-256 of the DER encoding, as colon-separated upper-case hex pairs
 */
public record CertificateSummary(
    String subject, String issuer, Instant notBefore, Instant notAfter, String sha256Fingerprint) {

  /** The summary of {@code certificate}, its fingerprint computed here. */
  public static CertificateSummary of(X509Certificate certificate)
      throws CertificateEncodingException {
    return new CertificateSummary(
        certificate.getSubjectX500Principal().getName(),
        certificate.getIssuerX500Principal().getName(),
        certificate.getNotBefore().toInstant(),
        certificate.getNotAfter().toInstant(),
        fingerprint(certificate.getEncoded()));
  }

  /** The SHA-256 of {@code der} as {@code AB:CD:...} (32 pairs). */
  public static String fingerprint(byte[] der) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      // Every Java runtime must provide SHA-256 (java.security.MessageDigest's contract).
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

package org.parley.app.desktop.session;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.parley.core.settings.SettingsStore;
import org.parley.core.sip.tls.CertificateFiles;
import org.parley.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server certificates the user chose to trust for each account, as PEM text in the profile's
 * settings under the account's stored id (see ADR 0036).
 */
public final class AccountCertificates {

  static final String PREFIX = "account.trustedCertificates.";

  private static final Logger LOG = LoggerFactory.getLogger(AccountCertificates.class);

  private final SettingsStore store;

  public AccountCertificates(SettingsStore store) {
    this.store = store;
  }

  /** The certificates trusted for the account with {@code accountId}; empty when none. */
  public List<X509Certificate> trusted(long accountId) {
    Optional<String> pem = store.get(PREFIX + accountId);
    if (pem.isEmpty()) {
      return List.of();
    }
    try {
      return CertificateFiles.read(pem.get().getBytes(StandardCharsets.US_ASCII));
    } catch (CertificateException e) {
      // Edited by hand: trusting nothing extra fails safe, with the TLS error shown again.
      LOG.warn("Ignoring the trusted certificates of account {}: {}", accountId, e.getMessage());
      return List.of();
    }
  }

  /** Keeps {@code certificates} for the account, replacing earlier ones; empty forgets them. */
  public void setTrusted(long accountId, List<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      store.remove(PREFIX + accountId);
      return;
    }
    try {
      store.put(PREFIX + accountId, CertificateFiles.pem(certificates));
    } catch (CertificateEncodingException e) {
      throw new StoreException("A certificate could not be encoded: " + e.getMessage(), e);
    }
  }

  /** Forgets the account's certificates, as when the account is deleted. */
  public void forget(long accountId) {
    store.remove(PREFIX + accountId);
  }
}

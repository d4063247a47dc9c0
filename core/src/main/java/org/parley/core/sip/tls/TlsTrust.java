package org.parley.core.sip.tls;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Which certificate authorities a softphone trusts for SIP over TLS (and for its server's HTTPS
 * API).
 *
 * @param trustStore the anchors; empty means the Java runtime's default ({@code cacerts})
 */
public record TlsTrust(Optional<KeyStore> trustStore) {

  /** The Java runtime's default anchors. */
  public static TlsTrust system() {
    return new TlsTrust(Optional.empty());
  }

  /** Only the certificates in {@code trustStore}, such as an office server's own. */
  public static TlsTrust trusting(KeyStore trustStore) {
    return new TlsTrust(Optional.of(trustStore));
  }

  /**
   * These anchors and {@code certificate} too, such as the self-signed certificate of a server this
   * process started itself.
   */
  public TlsTrust plus(X509Certificate certificate) throws GeneralSecurityException {
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      anchors.load(null, null);
    } catch (IOException e) {
      throw new KeyStoreException("Cannot create an empty trust store", e);
    }
    int count = 0;
    for (X509Certificate anchor : anchors()) {
      anchors.setCertificateEntry("anchor-" + count++, anchor);
    }
    anchors.setCertificateEntry("anchor-" + count, certificate);
    return trusting(anchors);
  }

  private Iterable<X509Certificate> anchors() throws GeneralSecurityException {
    List<X509Certificate> found = new ArrayList<>();
    if (trustStore.isPresent()) {
      KeyStore store = trustStore.get();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (store.isCertificateEntry(alias) && certificate instanceof X509Certificate x509) {
          found.add(x509);
        }
      }
      return found;
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        Collections.addAll(found, x509.getAcceptedIssuers());
      }
    }
    return found;
  }
}

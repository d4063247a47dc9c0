package org.parley.core.sip.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Checks a SIP server's certificate: the chain against the configured anchors (PKIX), then its
 * identity against the SIP domains of the softphone's TLS accounts (RFC 5922), not against the host
 * name or IP address dialled. A refusal is reported in words the user can act on.
 *
 * <p>The domain expected from a server is the one of the account whose first hop it is (looked up
 * by the connected socket's address and port); a handshake that cannot be traced to an account
 * accepts a certificate naming any configured domain.
 */
public final class SipTrustManager extends X509ExtendedTrustManager {

  private final X509TrustManager anchors;
  private final Set<String> expectedDomains = new CopyOnWriteArraySet<>();
  private final Map<String, String> domainByPeer = new ConcurrentHashMap<>();
  private final Map<String, X509TrustManager> pinnedByDomain = new ConcurrentHashMap<>();
  private final Consumer<String> refusals;

  /**
   * @param trust the anchors to check chains against
   * @param refusals told the plain-language reason for each refused certificate
   */
  public SipTrustManager(TlsTrust trust, Consumer<String> refusals)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust.trustStore().orElse(null));
    this.anchors = x509(factory);
    this.refusals = refusals;
  }

  private static X509TrustManager x509(TrustManagerFactory factory)
      throws GeneralSecurityException {
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("No X.509 trust manager in this Java runtime");
  }

  /**
   * Also accepts chains that end at one of {@code certificates} (a server's self-signed certificate
   * the user chose to trust, say), but only from a server expected to be {@code domain}: an
   * account's trusted certificate vouches for nothing else. Replaces what was trusted for that
   * domain before; an empty list trusts nothing extra.
   */
  public void trustForDomain(String domain, List<X509Certificate> certificates)
      throws GeneralSecurityException {
    String lower = domain.toLowerCase(Locale.ROOT);
    if (certificates.isEmpty()) {
      pinnedByDomain.remove(lower);
      return;
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new KeyStoreException("Cannot create an empty trust store", e);
    }
    for (int i = 0; i < certificates.size(); i++) {
      store.setCertificateEntry("pinned-" + i, certificates.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    pinnedByDomain.put(lower, x509(factory));
  }

  /**
   * Expects a certificate for {@code domain} from the server at {@code peerAddress:peerPort}.
   *
   * @param peerAddress the IP address the connection goes to, as {@code getHostAddress()} writes it
   */
  public void expectDomain(String domain, String peerAddress, int peerPort) {
    String lower = domain.toLowerCase(Locale.ROOT);
    expectedDomains.add(lower);
    domainByPeer.put(peerAddress + ":" + peerPort, lower);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain, authType, Set.copyOf(expectedDomains));
  }

  private void check(X509Certificate[] chain, String authType, Set<String> domains)
      throws CertificateException {
    List<String> identities = SipDomainIdentity.identities(chain[0]);
    try {
      anchors.checkServerTrusted(chain, authType);
    } catch (CertificateException e) {
      for (String domain : domains) {
        if (identities.contains(domain) && pinnedTrusts(domain, chain, authType)) {
          return;
        }
      }
      throw refuse(
          "The server's TLS certificate is not trusted"
              + expectedSuffix(domains)
              + ": "
              + e.getMessage(),
          e);
    }
    for (String domain : domains) {
      if (identities.contains(domain)) {
        return;
      }
    }
    throw refuse(
        "The server's TLS certificate is not valid for "
            + String.join(" or ", domains)
            + " (it names "
            + (identities.isEmpty() ? "no SIP domain" : String.join(", ", identities))
            + ")",
        null);
  }

  private boolean pinnedTrusts(String domain, X509Certificate[] chain, String authType) {
    X509TrustManager pinned = pinnedByDomain.get(domain);
    if (pinned == null) {
      return false;
    }
    try {
      pinned.checkServerTrusted(chain, authType);
      return true;
    } catch (CertificateException e) {
      return false;
    }
  }

  private static String expectedSuffix(Set<String> domains) {
    return domains.isEmpty() ? "" : " for " + String.join(" or ", domains);
  }

  private CertificateException refuse(String reason, Exception cause) {
    refusals.accept(reason);
    return new CertificateException(reason, cause);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    String domain =
        socket == null || socket.getInetAddress() == null
            ? null
            : domainByPeer.get(socket.getInetAddress().getHostAddress() + ":" + socket.getPort());
    check(chain, authType, domain != null ? Set.of(domain) : Set.copyOf(expectedDomains));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("The softphone accepts no TLS client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return anchors.getAcceptedIssuers();
  }
}

package org.parley.core.sip.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.parley.core.account.ServerAddress;

/**
 * Fetches the certificate chain a TLS server presents, so a user can look at it after the real
 * connection refused it. The handshake is always aborted once the chain is seen: nothing is sent
 * over it and nothing is trusted here.
 */
public final class PresentedCertificates {

  private PresentedCertificates() {}

  /**
   * The chain {@code server} presents, leaf first.
   *
   * @throws IOException when the server cannot be reached or presents no certificate
   */
  public static List<X509Certificate> fetch(ServerAddress server, Duration timeout)
      throws IOException {
    AtomicReference<X509Certificate[]> seen = new AtomicReference<>();
    SSLContext context;
    try {
      context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new Recorder(seen)}, null);
    } catch (GeneralSecurityException e) {
      throw new IOException("Cannot set up TLS: " + e.getMessage(), e);
    }
    int timeoutMillis = (int) timeout.toMillis();
    try (Socket plain = new Socket()) {
      plain.connect(new InetSocketAddress(server.host(), server.port()), timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      try (SSLSocket tls =
          (SSLSocket)
              context.getSocketFactory().createSocket(plain, server.host(), server.port(), false)) {
        tls.startHandshake();
      } catch (IOException expected) {
        // The recorder refuses every chain, so the handshake fails once it has seen one.
      }
    }
    X509Certificate[] chain = seen.get();
    if (chain == null || chain.length == 0) {
      throw new IOException("The server at " + server + " presented no certificate");
    }
    return List.of(chain);
  }

  // Notes the chain, then refuses it so that the handshake never completes.
  private record Recorder(AtomicReference<X509Certificate[]> seen) implements X509TrustManager {

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      seen.set(chain.clone());
      throw new CertificateException("Only looking at the certificate");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType)
        throws CertificateException {
      throw new CertificateException("No client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}

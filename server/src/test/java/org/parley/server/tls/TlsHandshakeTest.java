package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;

/** A real TLS handshake on loopback against the generated certificate. */
class TlsHandshakeTest {

  private static final int TIMEOUT_MILLIS = 10_000;

  @TempDir Path data;

  private final ExecutorService serverThread = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopServer() {
    serverThread.shutdownNow();
  }

  @Test
  void clientTrustingExactlyTheServerCertificateCompletesAHandshake() throws Exception {
    ServerCertificate server = generate("sip.example.com");

    try (SSLServerSocket listener = listen(server)) {
      Future<Integer> received = serveOneByte(listener);
      try (SSLSocket client =
          connect(TrustingOnly.certificate(server.certificate()), listener, "localhost")) {
        client.startHandshake();
        OutputStream out = client.getOutputStream();
        out.write(41);
        out.flush();
        assertThat(client.getInputStream().read()).isEqualTo(42);
      }
      assertThat(received.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)).isEqualTo(41);
    }
  }

  @Test
  void clientTrustingAnotherCertificateRefusesTheServer() throws Exception {
    ServerCertificate server = generate("sip.example.com");
    ServerCertificate stranger =
        ServerCertificate.loadOrCreate(
            ServerConfig.resolve(
                new ServerConfigOverrides().dataDir(data.resolve("other")).domain("x.example")));

    try (SSLServerSocket listener = listen(server)) {
      serveOneByte(listener);
      try (SSLSocket client =
          connect(TrustingOnly.certificate(stranger.certificate()), listener, "localhost")) {
        assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class);
      }
    }
  }

  private ServerCertificate generate(String domain) throws Exception {
    return ServerCertificate.loadOrCreate(
        ServerConfig.resolve(new ServerConfigOverrides().dataDir(data).domain(domain)));
  }

  private static SSLServerSocket listen(ServerCertificate certificate) throws Exception {
    SSLServerSocket listener =
        (SSLServerSocket)
            certificate
                .sslContext()
                .getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    listener.setSoTimeout(TIMEOUT_MILLIS);
    return listener;
  }

  private Future<Integer> serveOneByte(SSLServerSocket listener) {
    return serverThread.submit(
        () -> {
          try (Socket accepted = listener.accept()) {
            accepted.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = accepted.getInputStream();
            int value = in.read();
            accepted.getOutputStream().write(value + 1);
            accepted.getOutputStream().flush();
            return value;
          }
        });
  }

  /** Connects to the listener, checking that the certificate names {@code hostName}. */
  private static SSLSocket connect(SSLContext context, SSLServerSocket listener, String hostName)
      throws Exception {
    Socket plain = new Socket(listener.getInetAddress(), listener.getLocalPort());
    plain.setSoTimeout(TIMEOUT_MILLIS);
    SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(plain, hostName, listener.getLocalPort(), true);
    SSLParameters parameters = socket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    socket.setSSLParameters(parameters);
    return socket;
  }
}

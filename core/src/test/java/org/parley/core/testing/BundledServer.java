package org.parley.core.testing;

import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.auth.DigestCredentials;
import org.parley.server.auth.NonceService;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.echo.EchoLimits;
import org.parley.server.registrar.LocationService;
import org.parley.server.registrar.Registrar;
import org.parley.server.registrar.RegistrarPolicy;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.jainsip.JainSipServer;
import org.parley.server.sip.jainsip.SipServerSettings;
import org.parley.server.store.Binding;
import org.parley.server.testing.MemoryLocationStore;
import org.parley.server.testing.MemoryMessageStore;
import org.parley.server.tls.ServerCertificate;

/**
 * Parley's own SIP server in this JVM on loopback, for the core's integration tests: domain {@value
 * #DOMAIN}, users in memory, digest challenges in a chosen algorithm order, and TLS with a
 * generated certificate for a chosen name.
 */
public final class BundledServer implements AutoCloseable {

  public static final String DOMAIN = "office.example";

  private final Map<String, char[]> passwords = new ConcurrentHashMap<>();
  private final LocationService locations;
  private final JainSipServer server;
  private final int port;
  private final int tlsPort;
  private final ServerCertificate certificate;

  private BundledServer(Builder builder) throws Exception {
    this.port = builder.port > 0 ? builder.port : FreePorts.udpAndTcp();
    Clock clock = Clock.systemUTC();
    locations = new LocationService(new MemoryLocationStore(), clock);
    locations.restore();
    DigestAuthenticator authenticator =
        new DigestAuthenticator(
            DOMAIN,
            builder.algorithms,
            new NonceService(Duration.ofMinutes(5), 1 << 8),
            (user, algorithm) ->
                Optional.ofNullable(passwords.get(user))
                    .map(password -> DigestCredentials.ha1(algorithm, user, DOMAIN, password)),
            clock);
    if (builder.certificateName != null) {
      certificate =
          ServerCertificate.loadOrCreate(
              ServerConfig.resolve(
                  new ServerConfigOverrides()
                      .dataDir(builder.dataDir)
                      .domain(builder.certificateName)));
      tlsPort = FreePorts.udpAndTcp();
    } else {
      certificate = null;
      tlsPort = 0;
    }
    server =
        JainSipServer.start(
            new SipServerSettings(
                DOMAIN,
                "127.0.0.1",
                port,
                tlsPort,
                certificate == null ? null : certificate.keyStoreFile(),
                certificate == null ? null : certificate.password(),
                16_384,
                1,
                "Parley-test",
                EchoLimits.DEFAULT,
                ServerConfig.DEFAULT_UDP_BUFFER_BYTES),
            new Registrar(
                new RegistrarPolicy(builder.minExpiresSeconds, 3600, 3600, 8), locations, clock),
            locations,
            authenticator,
            passwords::containsKey,
            new MemoryMessageStore(),
            clock);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Adds a user (a name in {@value #DOMAIN}) with a password. */
  public BundledServer user(String name, String password) {
    passwords.put(name, password.toCharArray());
    return this;
  }

  /** The UDP and TCP port. */
  public int port() {
    return port;
  }

  public int tlsPort() {
    return tlsPort;
  }

  /** The contacts bound to {@code sip:user@office.example} now. */
  public List<String> contactsOf(String user) {
    return locations.lookup("sip:" + user + "@" + DOMAIN).stream()
        .map(Binding::contactUri)
        .toList();
  }

  /** The certificate this server presents over TLS (built with {@link Builder#tls}). */
  public X509Certificate certificate() {
    return certificate.certificate();
  }

  /** A trust store holding only this server's certificate. */
  public KeyStore trustStore() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("parley-test-server", certificate.certificate());
    return store;
  }

  @Override
  public void close() {
    server.close();
  }

  /** Options for a {@link BundledServer}. */
  public static final class Builder {
    private List<DigestAlgorithm> algorithms =
        List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);
    private String certificateName;
    private Path dataDir;
    private int port;
    private int minExpiresSeconds = 60;

    /** The challenges' algorithms, in the order the 401 lists them. */
    public Builder algorithms(DigestAlgorithm... offered) {
      algorithms = List.of(offered);
      return this;
    }

    /** Listens for TLS with a generated certificate for {@code name}, kept in {@code dir}. */
    public Builder tls(String name, Path dir) {
      certificateName = name;
      dataDir = dir;
      return this;
    }

    /** Listens on this UDP and TCP port (to restart a server where it was). */
    public Builder port(int fixedPort) {
      port = fixedPort;
      return this;
    }

    public Builder minExpiresSeconds(int seconds) {
      minExpiresSeconds = seconds;
      return this;
    }

    public BundledServer start() throws Exception {
      return new BundledServer(this);
    }
  }
}

package org.parley.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;

class ServerCertificateTest {

  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  /** RSA key generation is slow, so read-only tests share one generated certificate. */
  @TempDir static Path sharedData;

  private static ServerCertificate shared;

  @TempDir Path data;

  @BeforeAll
  static void generateShared() throws ConfigException {
    shared =
        ServerCertificate.loadOrCreate(
            ServerConfig.resolve(
                new ServerConfigOverrides().dataDir(sharedData).domain("sip.example.com")));
  }

  @Test
  void generatesAKeyStoreAndPasswordFileWhenNoneExists() throws Exception {
    ServerCertificate certificate = shared;

    Path folder = sharedData.resolve("tls").toAbsolutePath();
    assertThat(certificate.generated()).isTrue();
    assertThat(certificate.keyStoreFile()).isEqualTo(folder.resolve("server.p12"));
    assertThat(certificate.keyStoreType()).isEqualTo("PKCS12");
    assertThat(folder.resolve("server.p12")).isRegularFile();
    assertThat(Files.readString(folder.resolve("server.p12.password")).strip())
        .isEqualTo(new String(certificate.password()));
    assertThat(certificate.password()).hasSizeGreaterThanOrEqualTo(32);
    try (var leftovers = Files.list(folder)) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("server.p12", "server.p12.password");
    }
  }

  @Test
  void generatedFilesAreReadableByTheOwnerOnly() throws Exception {
    assumeThat(sharedData.getFileSystem().supportedFileAttributeViews()).contains("posix");

    Path folder = sharedData.resolve("tls");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
        .isEqualTo("rwx------");
    for (String name : List.of("server.p12", "server.p12.password")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))))
          .as(name)
          .isEqualTo("rw-------");
    }
  }

  @Test
  void reloadingReturnsTheSameCertificate() throws Exception {
    ServerCertificate first = shared;

    ServerCertificate second =
        ServerCertificate.loadOrCreate(
            ServerConfig.resolve(
                new ServerConfigOverrides().dataDir(sharedData).domain("sip.example.com")));

    assertThat(second.generated()).isFalse();
    assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
    assertThat(second.password()).isEqualTo(first.password());
  }

  @Test
  void fingerprintIsColonSeparatedUpperCaseSha256() throws Exception {
    String fingerprint = shared.sha256Fingerprint();

    assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }

  @Test
  void certificateNamesTheDomainAndLoopback() throws Exception {
    X509Certificate certificate = shared.certificate();

    assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=sip.example.com");
    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(DNS_NAME, "sip.example.com"),
            List.of(DNS_NAME, "localhost"),
            List.of(IP_ADDRESS, "127.0.0.1"));
  }

  @Test
  void ipLiteralDomainGetsAnIpSubjectAltName() throws Exception {
    X509Certificate certificate =
        ServerCertificate.loadOrCreate(config("192.0.2.7"), KeyType.EC_P256).certificate();

    assertThat(certificate.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(IP_ADDRESS, "192.0.2.7"),
            List.of(DNS_NAME, "localhost"),
            List.of(IP_ADDRESS, "127.0.0.1"));
  }

  @Test
  void certificateIsAServerCertificateForTenYears() throws Exception {
    X509Certificate certificate = shared.certificate();

    assertThat(certificate.getVersion()).isEqualTo(3);
    assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
    assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    // digitalSignature and keyEncipherment, as an RSA key needs.
    assertThat(certificate.getKeyUsage()).startsWith(true, false, true);
    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("RSA");
    Duration validity =
        Duration.between(
            certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
    assertThat(validity).isBetween(Duration.ofDays(3650), Duration.ofDays(3654));
    assertThat(certificate.getNotBefore().toInstant()).isBefore(Instant.now());
    assertThat(certificate.getSerialNumber().signum()).isPositive();
    assertThat(certificate.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
  }

  @Test
  void ecKeysGetDigitalSignatureOnly() throws Exception {
    X509Certificate certificate =
        ServerCertificate.loadOrCreate(config("sip.example.com"), KeyType.EC_P256).certificate();

    assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(certificate.getKeyUsage()).startsWith(true, false, false);
  }

  @Test
  void configuredKeyStoreIsLoaded() throws Exception {
    ServerCertificate made = shared;
    Path copy = Files.copy(made.keyStoreFile(), data.resolve("mine.p12"));

    ServerCertificate loaded =
        ServerCertificate.loadOrCreate(configured(copy, new String(made.password())));

    assertThat(loaded.generated()).isFalse();
    assertThat(loaded.keyStoreFile()).isEqualTo(copy.toAbsolutePath());
    assertThat(loaded.alias()).isEqualTo(ServerCertificate.GENERATED_ALIAS);
    assertThat(loaded.sha256Fingerprint()).isEqualTo(made.sha256Fingerprint());
  }

  @Test
  void configuredKeyStoreThatIsMissingIsNamed() {
    Path missing = data.resolve("nowhere.p12");

    assertThatThrownBy(() -> ServerCertificate.loadOrCreate(configured(missing, "pw")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "tls.keystore "
                + missing.toAbsolutePath()
                + " does not exist; correct the path, or remove tls.keystore to use a generated"
                + " self-signed certificate.");
  }

  @Test
  void wrongPasswordForTheConfiguredKeyStoreIsReported() throws Exception {
    ServerCertificate made = shared;

    assertThatThrownBy(
            () -> ServerCertificate.loadOrCreate(configured(made.keyStoreFile(), "wrong")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("tls.keystore.password is wrong for tls.keystore ");
  }

  @Test
  void damagedPasswordFileOfAGeneratedKeyStoreSaysHowToRecover() throws Exception {
    ServerCertificate.loadOrCreate(config("sip.example.com"), KeyType.EC_P256);
    Files.writeString(data.resolve("tls/server.p12.password"), "not-the-password\n");

    assertThatThrownBy(() -> ServerCertificate.loadOrCreate(config("sip.example.com")))
        .hasMessageContaining("does not open")
        .hasMessageContaining("delete both files to generate a new certificate");
  }

  @Test
  void keyStoreWithoutAPrivateKeyIsRejected() throws Exception {
    ServerCertificate made = shared;
    KeyStore trustOnly = KeyStore.getInstance("PKCS12");
    trustOnly.load(null, null);
    trustOnly.setCertificateEntry("server", made.certificate());
    Path file = data.resolve("trust-only.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      trustOnly.store(out, "pw".toCharArray());
    }

    assertThatThrownBy(() -> ServerCertificate.loadOrCreate(configured(file, "pw")))
        .hasMessageContaining("holds no private key entry");
  }

  @Test
  void fileThatIsNotAKeyStoreIsRejected() throws Exception {
    Path file = data.resolve("cert.pem");
    Files.writeString(file, "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> ServerCertificate.loadOrCreate(configured(file, "pw")))
        .hasMessageContaining("is not a PKCS#12 keystore or is damaged");
  }

  @Test
  void passwordCopiesDoNotShareState() throws Exception {
    ServerCertificate certificate = shared;
    char[] copy = certificate.password();
    Arrays.fill(copy, 'x');

    assertThat(certificate.password()).isNotEqualTo(copy);
  }

  private ServerConfig config(String domain) throws ConfigException {
    return ServerConfig.resolve(new ServerConfigOverrides().dataDir(data).domain(domain));
  }

  private ServerConfig configured(Path keyStore, String password) throws ConfigException {
    return ServerConfig.resolve(
        new ServerConfigOverrides()
            .dataDir(data)
            .domain("sip.example.com")
            .tlsKeyStore(keyStore)
            .tlsKeyStorePassword(password));
  }
}

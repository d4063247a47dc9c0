package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.wav.WavFileSink;
import org.parley.server.ParleyServer;
import org.parley.server.UserAdministration;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.tls.ServerCertificate;
import org.parley.server.tls.TrustingOnly;
import org.parley.server.voicemail.MailboxFolder;
import org.parley.server.voicemail.Mailboxes;

/**
 * The assembled server's voicemail API over HTTPS, with the certificate it generated for SIP over
 * TLS, driven by the JDK's HTTP client trusting exactly that certificate.
 */
class VoicemailHttpsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TONE_SAMPLES = 8000;

  @TempDir static Path generated;
  @TempDir Path data;

  private ParleyServer server;
  private ServerConfig config;
  private HttpClient trusting;
  private long bobsFirst;
  private long carolsMessage;

  /** One RSA key for the class: generating it takes seconds on a busy machine. */
  @BeforeAll
  static void generateOnce() throws Exception {
    ServerCertificate.loadOrCreate(
        ServerConfig.resolve(new ServerConfigOverrides().dataDir(generated).domain("localhost")));
  }

  @BeforeEach
  void start() throws Exception {
    // As if the server had generated it at an earlier start: the files are what it reuses.
    Files.createDirectories(data.resolve("tls"));
    for (String name : new String[] {"server.p12", "server.p12.password"}) {
      Files.copy(generated.resolve("tls").resolve(name), data.resolve("tls").resolve(name));
    }
    config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain("localhost")
                .bindAddress("127.0.0.1")
                .sipPort(FreePorts.udpAndTcp())
                .tlsPort(FreePorts.udpAndTcp())
                .httpPort(FreePorts.udpAndTcp())
                .httpsPort(FreePorts.udpAndTcp())
                .httpBindAddress("0.0.0.0"));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), "localhost");
      users.add("bob", "bobsecret".toCharArray());
      users.add("carol", "carolsecret".toCharArray());
      Mailboxes mailboxes =
          Mailboxes.open(database.voicemail(), new MailboxFolder(data.resolve("voicemail")));
      bobsFirst = deposit(mailboxes, "bob");
      deposit(mailboxes, "bob");
      carolsMessage = deposit(mailboxes, "carol");
    }
    server = ParleyServer.start(config, "test");
    trusting =
        HttpClient.newBuilder().sslContext(TrustingOnly.certificate(storedCertificate())).build();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void listsTheUsersOwnMessagesOverHttps() throws Exception {
    HttpResponse<byte[]> response = send("bob", "bobsecret", "GET", "/api/v1/voicemail", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.uri().getScheme()).isEqualTo("https");
    JsonNode messages = JSON.readTree(response.body()).path("messages");
    assertThat(messages).hasSize(2);
    assertThat(messages.get(0).path("id").asLong()).isEqualTo(bobsFirst);
    assertThat(messages.get(0).path("durationSeconds").asDouble()).isEqualTo(1.0);
  }

  @Test
  void audioComesWholeAndByRange() throws Exception {
    String audio = "/api/v1/voicemail/" + bobsFirst + "/audio";

    HttpResponse<byte[]> whole = send("bob", "bobsecret", "GET", audio, null);
    HttpResponse<byte[]> range = send("bob", "bobsecret", "GET", audio, "bytes=40-1039");

    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).hasSize(44 + 2 * TONE_SAMPLES);
    assertThat(new String(whole.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range"))
        .hasValue("bytes 40-1039/" + whole.body().length);
    assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole.body(), 40, 1040));
  }

  @Test
  void heardAndDeleteChangeTheList() throws Exception {
    String message = "/api/v1/voicemail/" + bobsFirst;

    assertThat(send("bob", "bobsecret", "POST", message + "/heard", null).statusCode())
        .isEqualTo(204);
    JsonNode afterHeard = list("bob", "bobsecret");
    assertThat(afterHeard.get(0).path("heard").asBoolean()).isTrue();
    assertThat(send("bob", "bobsecret", "DELETE", message, null).statusCode()).isEqualTo(204);
    JsonNode afterDelete = list("bob", "bobsecret");
    assertThat(afterDelete).hasSize(1);
    assertThat(afterDelete.get(0).path("id").asLong()).isNotEqualTo(bobsFirst);
  }

  @Test
  void greetingUploadIsCheckedAndAccepted() throws Exception {
    Path greeting = data.resolve("greeting.wav");
    try (WavFileSink sink = WavFileSink.create(greeting, 8000, 1)) {
      sink.write(tone(), TONE_SAMPLES);
    }

    HttpResponse<byte[]> accepted =
        exchange(
            request("bob", "bobsecret", "/api/v1/greeting")
                .PUT(HttpRequest.BodyPublishers.ofFile(greeting)));
    HttpResponse<byte[]> refused =
        exchange(
            request("bob", "bobsecret", "/api/v1/greeting")
                .PUT(HttpRequest.BodyPublishers.ofString("not a wav")));

    assertThat(accepted.statusCode()).isEqualTo(204);
    assertThat(refused.statusCode()).isEqualTo(400);
  }

  @Test
  void aWrongPasswordGets401WithABasicChallenge() throws Exception {
    HttpResponse<byte[]> response = send("bob", "wrong", "GET", "/api/v1/voicemail", null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"localhost\", charset=\"UTF-8\"");
  }

  @Test
  void anotherUsersMessageIsNotFound() throws Exception {
    String carols = "/api/v1/voicemail/" + carolsMessage;

    assertThat(send("bob", "bobsecret", "GET", carols + "/audio", null).statusCode())
        .isEqualTo(404);
    assertThat(send("bob", "bobsecret", "DELETE", carols, null).statusCode()).isEqualTo(404);
    assertThat(list("carol", "carolsecret")).hasSize(1);
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() {
    HttpClient systemTrust = HttpClient.newHttpClient();

    assertThatThrownBy(
            () ->
                systemTrust.send(
                    request("bob", "bobsecret", "/api/v1/voicemail").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void httpsAndSipTlsPresentTheOneStoredCertificate() throws Exception {
    X509Certificate stored = storedCertificate();
    SSLContext context = TrustingOnly.certificate(stored);

    assertThat(peerCertificate(context, server.httpsPort().orElseThrow())).isEqualTo(stored);
    assertThat(peerCertificate(context, config.tlsPort())).isEqualTo(stored);
    assertThat(server.certificate()).hasValue(stored);
    assertThat(Files.list(data.resolve("tls"))).hasSize(2);
  }

  @Test
  void fromAnotherAddressPlainHttpIsRefusedAndHttpsServed() throws Exception {
    Optional<InetAddress> external = VoicemailApiTest.nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
    String host = external.get().getHostAddress();
    HttpRequest plain =
        authorized(
                HttpRequest.newBuilder(
                    URI.create("http://" + host + ":" + config.httpPort() + "/api/v1/voicemail")),
                "bob",
                "bobsecret")
            .GET()
            .build();

    HttpResponse<String> refused =
        HttpClient.newHttpClient().send(plain, HttpResponse.BodyHandlers.ofString());
    // The certificate names localhost, not this address, so skip the host check on a raw socket.
    String secure = rawHttpsGet(host, "bob", "bobsecret");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("use the HTTPS port");
    assertThat(secure).startsWith("HTTP/1.1 200");
  }

  private String rawHttpsGet(String host, String user, String password) throws Exception {
    SSLContext context = TrustingOnly.certificate(storedCertificate());
    try (SSLSocket socket =
        (SSLSocket)
            context.getSocketFactory().createSocket(host, server.httpsPort().orElseThrow())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/v1/voicemail HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nAuthorization: "
                  + basic(user, password)
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static X509Certificate peerCertificate(SSLContext context, int port) throws Exception {
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  private X509Certificate storedCertificate() throws Exception {
    Path folder = data.resolve("tls");
    char[] password = Files.readString(folder.resolve("server.p12.password")).strip().toCharArray();
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(folder.resolve("server.p12"))) {
      keyStore.load(in, password);
    }
    Certificate certificate = keyStore.getCertificate(keyStore.aliases().nextElement());
    return (X509Certificate) certificate;
  }

  private JsonNode list(String user, String password) throws Exception {
    HttpResponse<byte[]> response = send(user, password, "GET", "/api/v1/voicemail", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body()).path("messages");
  }

  private HttpResponse<byte[]> send(
      String user, String password, String method, String path, String range) throws Exception {
    HttpRequest.Builder request =
        request(user, password, path).method(method, HttpRequest.BodyPublishers.noBody());
    if (range != null) {
      request.header("Range", range);
    }
    return exchange(request);
  }

  private HttpResponse<byte[]> exchange(HttpRequest.Builder request) throws Exception {
    return trusting.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String user, String password, String path) {
    URI uri = URI.create("https://127.0.0.1:" + server.httpsPort().orElseThrow() + path);
    return authorized(HttpRequest.newBuilder(uri), user, password);
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, String user, String password) {
    return request.timeout(Duration.ofSeconds(10)).header("Authorization", basic(user, password));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static long deposit(Mailboxes mailboxes, String mailbox) throws Exception {
    Path recording = mailboxes.newRecording();
    try (WavFileSink sink = WavFileSink.create(recording, 8000, 1)) {
      sink.write(tone(), TONE_SAMPLES);
    }
    return mailboxes.deposit(mailbox, "sip:dora@localhost", Instant.now(), recording, 1000).id();
  }

  /** One second of 1 kHz at 8 kHz. */
  private static short[] tone() {
    short[] samples = new short[TONE_SAMPLES];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0));
    }
    return samples;
  }
}

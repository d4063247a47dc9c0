package org.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.tls.ServerCertificate;

/** The assembled server (SQLite, TLS, SIP) as {@code parley server} runs it. */
class ParleyServerIT {

  @TempDir Path data;

  private ServerConfig config;
  private ParleyServer server;

  @BeforeEach
  void start() throws Exception {
    int sipPort = FreePorts.udpAndTcp();
    int tlsPort = FreePorts.udpAndTcp();
    config =
        ServerConfig.resolve(
            new ServerConfigOverrides()
                .dataDir(data)
                .domain("office.example")
                .bindAddress("127.0.0.1")
                .sipPort(sipPort)
                .tlsPort(tlsPort)
                .httpPort(0));
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      UserAdministration users = new UserAdministration(database.users(), "office.example");
      users.add("alice", "wonderland".toCharArray());
      users.add("edge", "edge-proxy".toCharArray());
    }
    server = ParleyServer.start(config, "test");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String register(RawSipClient client, String callId, int cseq, String extra) {
    return "REGISTER sip:office.example SIP/2.0\nVia: "
        + client.via()
        + "\nMax-Forwards: 70\n"
        + "From: <sip:alice@office.example>;tag=t\nTo: <sip:alice@office.example>\nCall-ID: "
        + callId
        + "\nCSeq: "
        + cseq
        + " REGISTER\n"
        + extra;
  }

  private static SipMessage authenticatedRegister(RawSipClient client, String extra)
      throws Exception {
    String callId = UUID.randomUUID().toString();
    client.send(register(client, callId, 1, extra));
    SipMessage challenge = client.receive();
    assertThat(challenge.status()).isEqualTo(401);
    String auth =
        DigestClient.authorization(
            challenge.headers("WWW-Authenticate").get(0),
            "alice",
            "wonderland",
            "REGISTER",
            "sip:office.example");
    client.send(register(client, callId, 2, extra + "\nAuthorization: " + auth));
    return client.receive();
  }

  @Test
  void firstStartGeneratesACertificateAndTlsRegistrationWorks() throws Exception {
    assertThat(server.generatedCertificateFingerprint())
        .hasValueSatisfying(f -> assertThat(f).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    ServerCertificate certificate = ServerCertificate.loadOrCreate(config);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("parley", certificate.certificate());
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);

    try (RawSipClient phone = RawSipClient.tls(config.tlsPort(), context)) {
      SipMessage ok =
          authenticatedRegister(phone, "Contact: " + phone.contact("alice") + "\nExpires: 600");

      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact")).contains("transport=tls");
    }
  }

  @Test
  void pathIsStoredEchoedAndUsedToReachTheUser() throws Exception {
    try (RawSipClient edge = RawSipClient.udp(config.sipPort());
        RawSipClient caller = RawSipClient.udp(config.sipPort())) {
      String path = "<sip:edge@127.0.0.1:" + edge.localPort() + ";lr>";
      SipMessage ok =
          authenticatedRegister(
              edge,
              "Contact: <sip:alice@192.0.2.50:5060>\nPath: "
                  + path
                  + "\nSupported: path\nExpires: 600");
      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Path")).isEqualTo(path);

      // A caller from outside the domain needs no credentials to reach a local user.
      caller.send(
          "INVITE sip:alice@office.example SIP/2.0\nVia: "
              + caller.via()
              + "\nMax-Forwards: 70\n"
              + "From: <sip:guest@visitor.example>;tag=g\nTo: <sip:alice@office.example>\nCall-ID: path-call\n"
              + "CSeq: 1 INVITE\nContact: "
              + caller.contact("guest"));

      SipMessage atEdge = edge.receive(m -> !m.isResponse());
      assertThat(atEdge.method()).isEqualTo("INVITE");
      assertThat(atEdge.requestUri()).isEqualTo("sip:alice@192.0.2.50:5060");
      assertThat(atEdge.header("Route")).isEqualTo(path);
    }
  }
}

package org.parley.server.sip.jainsip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.testing.MemoryLocationStore;

/** REGISTER, digest authentication and keep-alives against the real server on loopback. */
class RegistrarIT {

  private final MemoryLocationStore store = new MemoryLocationStore();
  private TestSipServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TestSipServer(store);
    server.addUser("alice", "wonderland");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String register(
      RawSipClient client, String user, String callId, int cseq, String extra) {
    return "REGISTER sip:office.example SIP/2.0\n"
        + "Via: "
        + client.via()
        + "\n"
        + "Max-Forwards: 70\n"
        + "From: <sip:"
        + user
        + "@office.example>;tag="
        + UUID.randomUUID()
        + "\n"
        + "To: <sip:"
        + user
        + "@office.example>\n"
        + "Call-ID: "
        + callId
        + "\n"
        + "CSeq: "
        + cseq
        + " REGISTER\n"
        + extra;
  }

  /** Sends REGISTER, answers the challenge, and returns the final response. */
  private static SipMessage registerWithAuth(
      RawSipClient client, String user, String password, String callId, int cseq, String extra)
      throws Exception {
    client.send(register(client, user, callId, cseq, extra));
    SipMessage challenge = client.receive();
    assertThat(challenge.status()).isEqualTo(401);
    String md5 = challenge.headers("WWW-Authenticate").get(1);
    String authorization =
        DigestClient.authorization(md5, user, password, "REGISTER", "sip:office.example");
    client.send(
        register(client, user, callId, cseq + 1, extra + "\nAuthorization: " + authorization));
    return client.receive();
  }

  @Test
  void registerWithoutCredentialsIsChallengedWithSha256AndMd5() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(register(client, "alice", "c1", 1, "Contact: " + client.contact("alice")));

      SipMessage response = client.receive();

      assertThat(response.status()).isEqualTo(401);
      List<String> challenges = response.headers("WWW-Authenticate");
      assertThat(challenges).hasSize(2);
      assertThat(challenges.get(0))
          .contains("algorithm=SHA-256", "realm=\"office.example\"", "qop=\"auth\"");
      assertThat(challenges.get(1)).contains("algorithm=MD5");
    }
  }

  @Test
  void authenticatedRegisterIsStoredBeforeTheOkAndEchoesTheContact() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      SipMessage ok =
          registerWithAuth(
              client,
              "alice",
              "wonderland",
              "c1",
              1,
              "Contact: " + client.contact("alice") + "\nExpires: 600");

      assertThat(ok.status()).isEqualTo(200);
      assertThat(ok.header("Contact"))
          .contains("sip:alice@127.0.0.1:" + client.localPort())
          .containsPattern("expires=(600|599)");
      assertThat(store.rows.get("sip:alice@office.example")).hasSize(1);
      assertThat(ok.header("Via")).contains("received=127.0.0.1", "rport=" + client.localPort());
    }
  }

  @Test
  void sha256CredentialsWorkToo() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(register(client, "alice", "c1", 1, "Contact: " + client.contact("alice")));
      String sha256 = client.receive().headers("WWW-Authenticate").get(0);
      client.send(
          register(
              client,
              "alice",
              "c1",
              2,
              "Contact: "
                  + client.contact("alice")
                  + "\nAuthorization: "
                  + DigestClient.authorization(
                      sha256, "alice", "wonderland", "REGISTER", "sip:office.example")));

      assertThat(client.receive().status()).isEqualTo(200);
    }
  }

  @Test
  void unknownUserGetsTheSameChallengeAsAWrongPassword() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      SipMessage wrongPassword =
          registerWithAuth(
              client, "alice", "guess", "c1", 1, "Contact: " + client.contact("alice"));
      SipMessage unknownUser =
          registerWithAuth(
              client, "mallory", "guess", "c2", 1, "Contact: " + client.contact("mallory"));

      assertThat(wrongPassword.status()).isEqualTo(401);
      assertThat(unknownUser.status()).isEqualTo(401);
      assertThat(unknownUser.headerNames()).isEqualTo(wrongPassword.headerNames());
      assertThat(withoutNonce(unknownUser.headers("WWW-Authenticate")))
          .isEqualTo(withoutNonce(wrongPassword.headers("WWW-Authenticate")));
    }
  }

  private static List<String> withoutNonce(List<String> challenges) {
    return challenges.stream()
        .map(value -> value.replaceAll("nonce=\"[^\"]*\"", "nonce=*"))
        .toList();
  }

  @Test
  void userCannotRegisterSomeoneElsesAddress() throws Exception {
    server.addUser("bob", "builder");
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(register(client, "alice", "c1", 1, "Contact: " + client.contact("alice")));
      String challenge = client.receive().headers("WWW-Authenticate").get(1);
      client.send(
          register(
              client,
              "alice",
              "c1",
              2,
              "Contact: "
                  + client.contact("alice")
                  + "\nAuthorization: "
                  + DigestClient.authorization(
                      challenge, "bob", "builder", "REGISTER", "sip:office.example")));

      assertThat(client.receive().status()).isEqualTo(403);
      assertThat(server.locations.lookup("sip:alice@office.example")).isEmpty();
    }
  }

  @Test
  void tooShortIntervalGets423WithMinExpires() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      SipMessage response =
          registerWithAuth(
              client,
              "alice",
              "wonderland",
              "c1",
              1,
              "Contact: " + client.contact("alice") + "\nExpires: 10");

      assertThat(response.status()).isEqualTo(423);
      assertThat(response.header("Min-Expires")).isEqualTo("60");
    }
  }

  @Test
  void deskAndLaptopOverTcpAndUdpAreBothListedThenStarRemovesAll() throws Exception {
    try (RawSipClient desk = RawSipClient.udp(server.port);
        RawSipClient laptop = RawSipClient.tcp(server.port)) {
      assertThat(
              registerWithAuth(
                      desk, "alice", "wonderland", "desk", 1, "Contact: " + desk.contact("alice"))
                  .status())
          .isEqualTo(200);
      SipMessage both =
          registerWithAuth(
              laptop, "alice", "wonderland", "laptop", 1, "Contact: " + laptop.contact("alice"));

      assertThat(both.status()).isEqualTo(200);
      assertThat(both.listValues("Contact")).hasSize(2);
      assertThat(String.join(",", both.headers("Contact"))).contains("transport=tcp");

      SipMessage cleared =
          registerWithAuth(desk, "alice", "wonderland", "desk", 10, "Contact: *\nExpires: 0");
      assertThat(cleared.status()).isEqualTo(200);
      assertThat(cleared.headers("Contact")).isEmpty();
      assertThat(store.rows).doesNotContainKey("sip:alice@office.example");
    }
  }

  @Test
  void replayedCredentialsAreRefused() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(register(client, "alice", "c1", 1, "Contact: " + client.contact("alice")));
      String challenge = client.receive().headers("WWW-Authenticate").get(1);
      String authorization =
          DigestClient.authorization(
              challenge, "alice", "wonderland", "REGISTER", "sip:office.example");
      client.send(
          register(
              client,
              "alice",
              "c1",
              2,
              "Contact: " + client.contact("alice") + "\nAuthorization: " + authorization));
      assertThat(client.receive().status()).isEqualTo(200);

      client.send(
          register(
              client,
              "alice",
              "c1",
              3,
              "Contact: " + client.contact("alice") + "\nAuthorization: " + authorization));
      SipMessage replay = client.receive();

      assertThat(replay.status()).isEqualTo(401);
      assertThat(replay.header("WWW-Authenticate")).contains("stale=true");
    }
  }

  @Test
  void retransmissionWhileTheOkWaitsForTheDiskGetsNoStaleChallenge() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(register(client, "alice", "c1", 1, "Contact: " + client.contact("alice")));
      String challenge = client.receive().headers("WWW-Authenticate").get(1);
      String authorization =
          DigestClient.authorization(
              challenge, "alice", "wonderland", "REGISTER", "sip:office.example");
      String authenticated =
          register(
              client,
              "alice",
              "c1",
              2,
              "Contact: " + client.contact("alice") + "\nAuthorization: " + authorization);
      CompletableFuture<Void> disk = new CompletableFuture<>();
      store.syncedWhen = disk;

      client.send(authenticated);
      client.send(authenticated); // the UDP retransmission: same branch, same credentials

      assertThatThrownBy(() -> client.receive(Duration.ofMillis(500)))
          .as("no answer while the binding is not on disk")
          .isInstanceOf(SocketTimeoutException.class);
      disk.complete(null);
      assertThat(client.receive().status()).isEqualTo(200);
      assertThatThrownBy(() -> client.receive(Duration.ofMillis(500)))
          .as("one answer for both copies")
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void optionsToTheServerIsAnswered() throws Exception {
    try (RawSipClient client = RawSipClient.udp(server.port)) {
      client.send(
          "OPTIONS sip:office.example SIP/2.0\n"
              + "Via: "
              + client.via()
              + "\nMax-Forwards: 70\n"
              + "From: <sip:alice@office.example>;tag=1\nTo: <sip:office.example>\n"
              + "Call-ID: opt-1\nCSeq: 1 OPTIONS");

      SipMessage response = client.receive();

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.listValues("Allow")).contains("INVITE", "REGISTER", "MESSAGE");
    }
  }

  @Test
  void doubleCrlfOnTcpGetsACrlfPong() throws Exception {
    try (RawSipClient client = RawSipClient.tcp(server.port)) {
      client.sendRaw("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(client.readTcpBytes(2, Duration.ofSeconds(5))).isEqualTo("\r\n");
    }
  }
}

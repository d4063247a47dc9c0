package org.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.sip.DigestClient;
import org.parley.server.sip.FreePorts;
import org.parley.server.sip.RawSipClient;
import org.parley.server.sip.SipMessage;
import org.parley.server.store.StoredMessage;
import org.parley.server.store.sqlite.ServerDatabase;

/**
 * {@code parley server} and {@code parley server user} as separate processes, the way an
 * administrator runs them: provisioning, registration, {@code kill -9}, restart, SIGTERM.
 */
class ServerProcessIT {

  @TempDir Path data;

  private ServerProcesses servers;

  @BeforeEach
  void servers() {
    servers = new ServerProcesses(data);
  }

  @AfterEach
  void killAll() {
    servers.close();
  }

  private ProcessBuilder parley(String... args) {
    return servers.parley(args);
  }

  private String run(String... args) throws Exception {
    return servers.run(args);
  }

  private Process startServer(int sipPort, int httpPort) throws IOException {
    return servers.startServer(sipPort, httpPort);
  }

  private static SipMessage register(RawSipClient client, String contactLine) throws Exception {
    return register(client, "alice", "wonderland1", contactLine);
  }

  private static SipMessage register(
      RawSipClient client, String user, String password, String contactLine) throws Exception {
    String callId = UUID.randomUUID().toString();
    String aor = "sip:" + user + "@office.example";
    String head =
        "REGISTER sip:office.example SIP/2.0\nMax-Forwards: 70\n"
            + "From: <"
            + aor
            + ">;tag=1\nTo: <"
            + aor
            + ">\nCall-ID: "
            + callId
            + "\n"
            + contactLine;
    client.send(
        head.replace("Max-Forwards", "Via: " + client.via() + "\nMax-Forwards")
            + "\nCSeq: 1 REGISTER");
    SipMessage challenge = client.receive();
    String auth =
        DigestClient.authorization(
            challenge.header("WWW-Authenticate"), user, password, "REGISTER", "sip:office.example");
    client.send(
        head.replace("Max-Forwards", "Via: " + client.via() + "\nMax-Forwards")
            + "\nCSeq: 2 REGISTER\nAuthorization: "
            + auth);
    return client.receive();
  }

  @Test
  void registrationSurvivesKillMinusNineAndSigtermStopsCleanly() throws Exception {
    String added =
        run(
            "server",
            "user",
            "add",
            "alice",
            "--password",
            "wonderland1",
            "--data",
            data.toString(),
            "--domain",
            "office.example");
    assertThat(added).contains("Added alice");
    assertThat(
            run("server", "user", "list", "--data", data.toString(), "--domain", "office.example"))
        .contains("alice");

    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    Process first = startServer(sipPort, httpPort);

    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"ok\"");
    assertThat(servers.startOutput())
        .contains(
            "Voicemail API: https://127.0.0.1:"
                + (httpPort + 1)
                + "/api/v1/voicemail (certificate SHA-256 ");
    assertThat(servers.startOutput())
        .containsPattern("\\(certificate SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\\)");

    try (RawSipClient phone = RawSipClient.udp(sipPort)) {
      SipMessage ok = register(phone, "Contact: " + phone.contact("alice") + "\nExpires: 600");
      assertThat(ok.status()).isEqualTo(200);

      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook runs
      Process second = startServer(sipPort, httpPort);

      SipMessage query = register(phone, "Expires: 600");
      assertThat(query.status()).isEqualTo(200);
      assertThat(query.header("Contact")).contains("sip:alice@127.0.0.1:" + phone.localPort());

      second.destroy(); // SIGTERM
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("server stops on SIGTERM").isTrue();
    }
    assertThat(Files.readString(data.resolve("logs/server.log"))).contains("Stopping the server");
  }

  @Test
  void messageForAnOfflineUserSurvivesKillMinusNineAndIsDeliveredOnce() throws Exception {
    for (String[] user : new String[][] {{"alice", "wonderland1"}, {"bob", "builder12"}}) {
      run(
          "server",
          "user",
          "add",
          user[0],
          "--password",
          user[1],
          "--data",
          data.toString(),
          "--domain",
          "office.example");
    }
    int sipPort = FreePorts.udpAndTcp();
    int httpPort = FreePorts.udpAndTcp();
    Process first = startServer(sipPort, httpPort);
    try (RawSipClient alice = RawSipClient.udp(sipPort)) {
      String target = "sip:bob@office.example";
      String head =
          "MESSAGE "
              + target
              + " SIP/2.0\nVia: VIA\nMax-Forwards: 70\n"
              + "From: <sip:alice@office.example>;tag=m1\nTo: <"
              + target
              + ">\nCall-ID: offline-kill-9\nContent-Type: text/plain";
      alice.send(head.replace("VIA", alice.via()) + "\nCSeq: 1 MESSAGE", "Are you there?");
      SipMessage challenge = alice.receive(m -> m.status() >= 200);
      String auth =
          DigestClient.authorization(
              challenge.header("Proxy-Authenticate"), "alice", "wonderland1", "MESSAGE", target);
      alice.send(
          head.replace("VIA", alice.via()) + "\nCSeq: 2 MESSAGE\nProxy-Authorization: " + auth,
          "Are you there?");
      assertThat(alice.receive(m -> m.status() >= 200).status()).isEqualTo(202);
    }

    first.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // the 202 promised it is on disk
    startServer(sipPort, httpPort);
    try (RawSipClient bob = RawSipClient.udp(sipPort)) {
      SipMessage ok = register(bob, "bob", "builder12", "Contact: " + bob.contact("bob"));
      assertThat(ok.status()).isEqualTo(200);
      SipMessage delivered = bob.receive(m -> !m.isResponse());
      assertThat(delivered.method()).isEqualTo("MESSAGE");
      assertThat(delivered.body()).isEqualTo("Are you there?");
      assertThat(delivered.header("From")).contains("sip:alice@office.example");
      bob.reply(delivered, 200, "OK", "", "");
    }
    // Delivered once: after the 2xx nothing is left to deliver again.
    try (ServerDatabase database = ServerDatabase.open(data.resolve("parley-server.db"))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      List<StoredMessage> left =
          database.messages().pendingFor("sip:bob@office.example").toCompletableFuture().get();
      while (!left.isEmpty() && System.nanoTime() < deadline) {
        left = database.messages().pendingFor("sip:bob@office.example").toCompletableFuture().get();
      }
      assertThat(left).isEmpty();
    }
  }

  @Test
  void badFlagsGiveAOneLineError() throws Exception {
    Process process = parley("server", "--data", data.toString(), "--sip-port", "70000").start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(60, TimeUnit.SECONDS);

    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.strip())
        .startsWith("parley server:")
        .contains("65535")
        .doesNotContain("Exception");
  }
}

package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.media.wav.WavFileSink;
import org.parley.server.store.sqlite.ServerDatabase;
import org.parley.server.voicemail.MailboxFolder;
import org.parley.server.voicemail.Mailboxes;

/** The voicemail API's answers to requests it must refuse, over real HTTP. */
class VoicemailApiTest {

  @TempDir Path data;

  private final HttpClient client = HttpClient.newHttpClient();
  private ServerDatabase database;
  private HttpApi api;
  private long id;

  @BeforeEach
  void start() throws Exception {
    database = ServerDatabase.open(data.resolve("server.db"));
    Mailboxes mailboxes =
        Mailboxes.open(database.voicemail(), new MailboxFolder(data.resolve("voicemail")));
    Path recording = mailboxes.newRecording();
    try (WavFileSink sink = WavFileSink.create(recording, 8000, 1)) {
      sink.write(new short[800], 800);
    }
    id = mailboxes.deposit("bob", "dora", Instant.now(), recording, 100).id();
    // Every password is right for bob and wrong for everyone else: the checks here come first.
    PasswordCheck passwords = (user, password) -> user.equals("bob");
    api = new HttpApi(new InetSocketAddress("0.0.0.0", 0), "test");
    new VoicemailApi(mailboxes, passwords, "office.example", (wav, ogg) -> {}).routeOn(api);
  }

  @AfterEach
  void stop() {
    api.close();
    database.close();
  }

  private HttpResponse<String> send(String host, String method, String path, String range)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + api.port() + path))
            .timeout(Duration.ofSeconds(10))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder().encodeToString("bob:x".getBytes(StandardCharsets.UTF_8)))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (range != null) {
      request.header("Range", range);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return send("127.0.0.1", method, path, null);
  }

  @Test
  void clientsOnOtherMachinesAreRefusedBeforeAuthentication() throws Exception {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

    HttpResponse<String> response =
        send(external.get().getHostAddress(), "GET", "/api/v1/voicemail", null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("this machine only");
    assertThat(send("GET", "/api/v1/voicemail").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownIdsPathsAndFormatsAreNotFoundOrBad() throws Exception {
    assertThat(send("GET", "/api/v1/voicemail/abc/audio").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/voicemail/" + (id + 1) + "/audio").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/voicemail/" + id + "/transcript").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/voicemail/" + id + "/audio/x").statusCode()).isEqualTo(404);
    assertThat(send("GET", "/api/v1/voicemail/" + id + "/audio?format=mp3").statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/api/v1/voicemail/" + id).body()).contains("\"durationSeconds\":0.1");
  }

  @Test
  void wrongMethodsGet405WithAllow() throws Exception {
    HttpResponse<String> response = send("POST", "/api/v1/voicemail");
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    assertThat(send("GET", "/api/v1/voicemail/" + id + "/heard").statusCode()).isEqualTo(405);
    assertThat(send("GET", "/api/v1/greeting").statusCode()).isEqualTo(405);
  }

  @Test
  void aRangePastTheEndIs416WithTheLength() throws Exception {
    HttpResponse<String> response =
        send("127.0.0.1", "GET", "/api/v1/voicemail/" + id + "/audio", "bytes=5000-");
    assertThat(response.statusCode()).isEqualTo(416);
    assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */1644");
  }

  static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}

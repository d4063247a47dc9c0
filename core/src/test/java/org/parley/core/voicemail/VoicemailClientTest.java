package org.parley.core.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.voicemail.VoicemailException.Reason;

/** The HTTP client against a scripted server: what it sends, and each kind of answer it gets. */
class VoicemailClientTest {

  @TempDir Path cache;

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private volatile int status = 200;
  private volatile String body = "";
  private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization"));
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private VoicemailClient client() {
    return new VoicemailClient(
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        new BasicCredentials("bob", "sécret"::toCharArray),
        cache,
        http,
        Duration.ofSeconds(5));
  }

  private void answer(int statusCode, String json) {
    status = statusCode;
    body = json;
  }

  private static Reason reasonOf(ThrowingCall call) {
    try {
      call.run();
    } catch (VoicemailException e) {
      return e.reason();
    }
    throw new AssertionError("no VoicemailException");
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws VoicemailException;
  }

  @Test
  void plainHttpToAnotherMachineIsRefusedBeforeAnythingIsSent() throws Exception {
    // Through a proxy that is our scripted server, any request that left would be recorded.
    HttpClient proxied =
        HttpClient.newBuilder().proxy(ProxySelector.of(server.getAddress())).build();
    VoicemailClient insecure =
        new VoicemailClient(
            URI.create("http://192.0.2.10:8080/"),
            new BasicCredentials("bob", "sécret"::toCharArray),
            cache,
            proxied,
            Duration.ofSeconds(5));
    VoicemailClient loopback =
        new VoicemailClient(
            URI.create("http://127.0.0.1:8080/"),
            new BasicCredentials("bob", "sécret"::toCharArray),
            cache,
            proxied,
            Duration.ofSeconds(5));
    answer(200, "{\"messages\":[]}");

    assertThat(reasonOf(insecure::list)).isEqualTo(Reason.INSECURE);
    assertThat(reasonOf(() -> insecure.markHeard(1))).isEqualTo(Reason.INSECURE);
    assertThat(requests).isEmpty();
    assertThat(loopback.list()).isEmpty();
    assertThat(requests.poll(5, TimeUnit.SECONDS)).startsWith("GET http://127.0.0.1:8080/");
  }

  @Test
  void listsWithBasicCredentialsInUtf8AndReadsEachField() throws Exception {
    answer(
        200,
        "{\"messages\":[{\"id\":7,\"from\":\"\\\"Dora\\\" <sip:dora@example.com>;tag=x\","
            + "\"receivedAt\":\"2026-11-22T10:00:00.123Z\",\"durationSeconds\":5.0,"
            + "\"heard\":false,\"future\":1}]}");

    List<VoicemailMessage> messages = client().list();

    String expected =
        Base64.getEncoder().encodeToString("bob:sécret".getBytes(StandardCharsets.UTF_8));
    assertThat(requests.poll(5, TimeUnit.SECONDS))
        .isEqualTo("GET /api/v1/voicemail Basic " + expected);
    VoicemailMessage message = messages.get(0);
    assertThat(message.id()).isEqualTo(7);
    assertThat(message.callerName()).isEqualTo("Dora");
    assertThat(message.callerUri()).isEqualTo("sip:dora@example.com");
    assertThat(message.receivedAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00.123Z"));
    assertThat(message.duration()).isEqualTo(Duration.ofSeconds(5));
    assertThat(message.heard()).isFalse();
    assertThat(client().cachedList()).isEqualTo(messages);
  }

  @Test
  void eachStatusHasItsReason() {
    answer(401, "{\"error\":\"unauthorized\"}");
    assertThat(reasonOf(() -> client().list())).isEqualTo(Reason.UNAUTHORIZED);
    answer(403, "{\"error\":\"loopback only\"}");
    assertThat(reasonOf(() -> client().list())).isEqualTo(Reason.FORBIDDEN);
    answer(404, "");
    assertThat(reasonOf(() -> client().markHeard(3))).isEqualTo(Reason.NOT_FOUND);
    answer(413, "{\"error\":\"too large\"}");
    assertThat(reasonOf(() -> client().uploadGreeting(greeting()))).isEqualTo(Reason.REJECTED);
    assertThat(reasonOf(() -> client().uploadGreeting(cache.resolve("missing.wav"))))
        .isEqualTo(Reason.CACHE);
    answer(503, "<html>proxy</html>");
    assertThat(reasonOf(() -> client().delete(3))).isEqualTo(Reason.SERVER_ERROR);
  }

  private Path greeting() {
    try {
      return Files.write(cache.resolve("greeting.wav"), new byte[] {'R', 'I', 'F', 'F'});
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theServersErrorTextIsInTheMessage() {
    answer(400, "{\"error\":\"not a WAV file\"}");
    assertThatThrownBy(() -> client().markHeard(1))
        .isInstanceOf(VoicemailException.class)
        .hasMessageContaining("HTTP 400: not a WAV file");
  }

  @Test
  void garbledListsAreServerErrors() {
    for (String garbled :
        List.of(
            "not json",
            "{}",
            "{\"messages\":[{\"id\":\"x\",\"receivedAt\":\"2026-11-22T10:00:00Z\"}]}",
            "{\"messages\":[{\"id\":1,\"receivedAt\":\"yesterday\"}]}")) {
      answer(200, garbled);
      assertThat(reasonOf(() -> client().list())).as(garbled).isEqualTo(Reason.SERVER_ERROR);
    }
  }

  @Test
  void aFailedDownloadLeavesNothingInTheCache() throws Exception {
    answer(404, "{\"error\":\"not found\"}");
    assertThat(reasonOf(() -> client().audio(9))).isEqualTo(Reason.NOT_FOUND);
    try (var files = Files.list(cache)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void noServerIsUnreachable() {
    server.stop(0);
    assertThat(reasonOf(() -> client().list())).isEqualTo(Reason.UNREACHABLE);
  }
}

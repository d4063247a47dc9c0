package org.parley.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.testing.MutableClock;

class HttpApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private HttpApi api;

  @BeforeEach
  void start() throws IOException {
    api = new HttpApi(loopback(0), "1.2.3-test", clock);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void healthReportsOkVersionUptimeAndChecksAsJson() throws Exception {
    api.addHealthCheck("sip", HealthCheck.Status::ok);
    api.addHealthCheck("database", HealthCheck.Status::ok);
    clock.advance(Duration.ofSeconds(42));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("ok");
    assertThat(body.get("version").asText()).isEqualTo("1.2.3-test");
    assertThat(body.get("uptimeSeconds").asLong()).isEqualTo(42);
    assertThat(body.get("checks").toString()).isEqualTo("{\"sip\":\"ok\",\"database\":\"ok\"}");
  }

  @Test
  void healthWithoutChecksIsOk() throws Exception {
    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("checks").size()).isZero();
  }

  @Test
  void failingCheckMakesHealthFail() throws Exception {
    api.addHealthCheck("sip", HealthCheck.Status::ok);
    api.addHealthCheck("database", () -> HealthCheck.Status.failing("disk full"));

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("failing");
    assertThat(body.get("checks").get("sip").asText()).isEqualTo("ok");
    assertThat(body.get("checks").get("database").asText()).isEqualTo("disk full");
  }

  @Test
  void checkThatThrowsFailsWithoutLeakingTheException() throws Exception {
    api.addHealthCheck(
        "broken",
        () -> {
          throw new IllegalStateException("secret internals");
        });

    HttpResponse<String> response = get("/health");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body())
        .contains("check failed with an internal error")
        .doesNotContain("secret internals")
        .doesNotContain("IllegalStateException");
  }

  @Test
  void headOnHealthSendsStatusWithoutBody() throws Exception {
    HttpResponse<String> response =
        client.send(
            request("/health").method("HEAD", BodyPublishers.noBody()).build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void otherMethodsOnHealthGet405WithAllow() throws Exception {
    HttpResponse<String> response =
        client.send(
            request("/health").POST(BodyPublishers.ofString("{}")).build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .isEqualTo("method not allowed");
  }

  @Test
  void unknownPathGets404Json() throws Exception {
    HttpResponse<String> response = get("/nothing/here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).isEqualTo("{\"error\":\"not found\"}");
  }

  @Test
  void pathsThatOnlyStartLikeARouteAreNotFound() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(404);
    assertThat(get("/health/details").statusCode()).isEqualTo(404);
  }

  @Test
  void routeReceivesItsPrefixAndThePathsBelowIt() throws Exception {
    api.route("/api/v1/voicemail", exchange -> JsonResponses.send(exchange, 200, "voicemail"));
    api.route(
        "/api/v1/voicemail/greetings", exchange -> JsonResponses.send(exchange, 200, "greet"));

    assertThat(get("/api/v1/voicemail").body()).isEqualTo("\"voicemail\"");
    assertThat(get("/api/v1/voicemail/7").body()).isEqualTo("\"voicemail\"");
    assertThat(get("/api/v1/voicemail/greetings/1").body()).isEqualTo("\"greet\"");
    assertThat(get("/api/v1/voicemailbox").statusCode()).isEqualTo(404);
  }

  @Test
  void handlerThatThrowsGets500WithoutAStackTrace() throws Exception {
    api.route(
        "/boom",
        exchange -> {
          throw new IllegalStateException("secret internals");
        });

    HttpResponse<String> response = get("/boom");

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).isEqualTo("{\"error\":\"internal error\"}");
  }

  @Test
  void handlerThatSendsNothingGets500() throws Exception {
    api.route("/silent", exchange -> {});

    assertThat(get("/silent").statusCode()).isEqualTo(500);
  }

  @Test
  void malformedOrDuplicateRoutesAreRefused() {
    assertThatThrownBy(() -> api.route("api", exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> api.route("/api/", exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> api.route("/", exchange -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> api.route("/health", exchange -> {}))
        .hasMessage("/health is routed already");
    api.addHealthCheck("sip", HealthCheck.Status::ok);
    assertThatThrownBy(() -> api.addHealthCheck("sip", HealthCheck.Status::ok))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeFreesThePort() throws Exception {
    int port = api.port();
    assertThat(get("/health").statusCode()).isEqualTo(200);

    api.close();

    try (ServerSocket again = new ServerSocket()) {
      again.setReuseAddress(true);
      again.bind(loopback(port));
      assertThat(again.getLocalPort()).isEqualTo(port);
    }
  }

  @Test
  void portInUseGivesAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(() -> new HttpApi(loopback(taken.getLocalPort()), "v"))
          .isInstanceOf(BindException.class)
          .hasMessageContaining("127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("choose another http.port");
    }
  }

  @Test
  void httpsPortInUseNamesHttpsAndFreesThePlainPort() throws Exception {
    int plainPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      plainPort = probe.getLocalPort();
    }
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      assertThatThrownBy(
              () ->
                  new HttpApi(
                      loopback(plainPort),
                      loopback(taken.getLocalPort()),
                      SSLContext.getDefault(),
                      "v",
                      clock))
          .isInstanceOf(BindException.class)
          .hasMessageContaining("Cannot listen for HTTPS on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("choose another https.port");
    }
    try (ServerSocket again = new ServerSocket()) {
      again.bind(loopback(plainPort));
      assertThat(again.getLocalPort()).isEqualTo(plainPort);
    }
  }

  @Test
  void startRefusesAConfigurationWithHttpTurnedOff() throws Exception {
    ServerConfig off = ServerConfig.resolve(new ServerConfigOverrides().httpPort(0));
    assertThatThrownBy(() -> HttpApi.start(off, "v", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.port and https.port are 0");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return client.send(request(path).GET().build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
        .timeout(TIMEOUT);
  }

  private static InetSocketAddress loopback(int port) throws IOException {
    return new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
  }
}

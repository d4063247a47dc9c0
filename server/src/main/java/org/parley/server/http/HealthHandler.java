package org.parley.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /health}: 200 with {@code "status":"ok"} when every check passes, else 503 with {@code
 * "status":"failing"}; both list each check as "ok" or its failure text.
 */
final class HealthHandler implements HttpHandler {

  static final String PATH = "/health";

  private static final Logger log = LoggerFactory.getLogger(HealthHandler.class);

  private final String version;
  private final Clock clock;
  private final Instant startedAt;
  private final Map<String, HealthCheck> checks = new LinkedHashMap<>();

  HealthHandler(String version, Clock clock) {
    this.version = version;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  synchronized void add(String name, HealthCheck check) {
    if (checks.putIfAbsent(name, check) != null) {
      throw new IllegalArgumentException("A health check named " + name + " exists already");
    }
  }

  private synchronized Map<String, HealthCheck> snapshot() {
    return new LinkedHashMap<>(checks);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (!PATH.equals(exchange.getRequestURI().getPath())) {
      JsonResponses.error(exchange, 404, "not found");
      return;
    }
    String method = exchange.getRequestMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      JsonResponses.methodNotAllowed(exchange, "GET, HEAD");
      return;
    }
    boolean healthy = true;
    Map<String, String> results = new LinkedHashMap<>();
    for (Map.Entry<String, HealthCheck> entry : snapshot().entrySet()) {
      HealthCheck.Status status = run(entry.getKey(), entry.getValue());
      healthy &= status.healthy();
      results.put(entry.getKey(), status.healthy() ? "ok" : status.detail());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", healthy ? "ok" : "failing");
    body.put("version", version);
    body.put("uptimeSeconds", Duration.between(startedAt, clock.instant()).toSeconds());
    body.put("checks", results);
    JsonResponses.send(exchange, healthy ? 200 : 503, body);
  }

  private static HealthCheck.Status run(String name, HealthCheck check) {
    try {
      HealthCheck.Status status = check.check();
      return status == null ? HealthCheck.Status.failing("check returned no status") : status;
    } catch (RuntimeException e) {
      // A broken check must not break /health; the response says only that it failed.
      log.warn("Health check {} failed with an exception", name, e);
      return HealthCheck.Status.failing("check failed with an internal error");
    }
  }
}

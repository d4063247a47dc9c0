package org.parley.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/** Writes JSON responses the same way for every route of the HTTP API. */
public final class JsonResponses {

  /** The media type of every JSON body. */
  public static final String CONTENT_TYPE = "application/json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonResponses() {}

  /**
   * Sends {@code status} with {@code body} serialised by Jackson; for a HEAD request, only the
   * headers.
   */
  public static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write the response as JSON", e);
    }
    exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Sends {@code {"error": message}} with {@code status}. */
  public static void error(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, Map.of("error", message));
  }

  /** Sends 405 with an {@code Allow} header listing the methods the resource supports. */
  public static void methodNotAllowed(HttpExchange exchange, String allowedMethods)
      throws IOException {
    exchange.getResponseHeaders().set("Allow", allowedMethods);
    error(exchange, 405, "method not allowed");
  }
}

package org.parley.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.media.wav.WavFileException;
import org.parley.server.store.StoreException;
import org.parley.server.voicemail.Mailboxes;
import org.parley.server.voicemail.VoicemailMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Visual voicemail over HTTP: each user, authenticated with HTTP Basic and their SIP password,
 * lists, fetches (with byte ranges), marks heard and deletes their own messages and sets their
 * greeting. Served over HTTPS to anyone, and over plain HTTP to loopback clients only, since a
 * Basic password must not cross the network in clear text (docs/voicemail-api.md, ADR 0034).
 */
public final class VoicemailApi {

  /** The messages resource. */
  public static final String MESSAGES = "/api/v1/voicemail";

  /** The greeting resource. */
  public static final String GREETING = "/api/v1/greeting";

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailApi.class);
  private static final int MAX_GREETING_BYTES = 2 * 1024 * 1024;
  private static final int COPY_BUFFER_BYTES = 64 * 1024;

  private final Mailboxes mailboxes;
  private final PasswordCheck passwords;
  private final String realm;
  private final OggTranscoder ogg;

  /**
   * @param realm shown in the Basic challenge: the SIP domain
   * @param ogg turns a WAV message into Ogg Opus for {@code ?format=ogg}
   */
  public VoicemailApi(
      Mailboxes mailboxes, PasswordCheck passwords, String realm, OggTranscoder ogg) {
    this.mailboxes = mailboxes;
    this.passwords = passwords;
    this.realm = realm;
    this.ogg = ogg;
  }

  /** Turns a WAV file into an Ogg Opus file. */
  @FunctionalInterface
  public interface OggTranscoder {
    void transcode(Path wav, Path ogg) throws IOException;
  }

  /** Adds the two resources to {@code api}. */
  public void routeOn(HttpApi api) {
    api.route(MESSAGES, this::messages);
    api.route(GREETING, this::greeting);
  }

  private void messages(HttpExchange exchange) throws IOException {
    Optional<String> user = authenticate(exchange);
    if (user.isEmpty()) {
      return;
    }
    String rest = exchange.getRequestURI().getPath().substring(MESSAGES.length());
    String[] parts = rest.isEmpty() ? new String[0] : rest.substring(1).split("/", -1);
    String method = exchange.getRequestMethod();
    try {
      if (parts.length == 0) {
        if ("GET".equals(method)) {
          list(exchange, user.get());
        } else {
          JsonResponses.methodNotAllowed(exchange, "GET");
        }
        return;
      }
      Optional<VoicemailMessage> message = find(user.get(), parts[0]);
      if (message.isEmpty() || parts.length > 2) {
        JsonResponses.error(exchange, 404, "no such message");
        return;
      }
      String action = parts.length == 2 ? parts[1] : "";
      switch (action) {
        case "" -> onMessage(exchange, method, message.get());
        case "audio" -> onAudio(exchange, method, message.get());
        case "heard" -> onHeard(exchange, method, message.get());
        default -> JsonResponses.error(exchange, 404, "not found");
      }
    } catch (StoreException e) {
      LOG.error("Voicemail store failed for {}", user.get(), e);
      JsonResponses.error(exchange, 503, "voicemail store unavailable");
    }
  }

  private void onMessage(HttpExchange exchange, String method, VoicemailMessage message)
      throws IOException, StoreException {
    if ("DELETE".equals(method)) {
      mailboxes.delete(message.mailbox(), message.id());
      noContent(exchange);
    } else if ("GET".equals(method)) {
      JsonResponses.send(exchange, 200, json(message));
    } else {
      JsonResponses.methodNotAllowed(exchange, "GET, DELETE");
    }
  }

  private void onAudio(HttpExchange exchange, String method, VoicemailMessage message)
      throws IOException {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      JsonResponses.methodNotAllowed(exchange, "GET, HEAD");
      return;
    }
    String format = queryParameter(exchange, "format").orElse("wav");
    Path wav = mailboxes.audio(message);
    switch (format) {
      case "wav" -> sendFile(exchange, wav, "audio/wav");
      case "ogg" -> {
        Path transcoded = Files.createTempFile("parley-voicemail-", ".ogg");
        try {
          ogg.transcode(wav, transcoded);
          sendFile(exchange, transcoded, "audio/ogg");
        } finally {
          Files.deleteIfExists(transcoded);
        }
      }
      default -> JsonResponses.error(exchange, 400, "format must be wav or ogg");
    }
  }

  private void onHeard(HttpExchange exchange, String method, VoicemailMessage message)
      throws IOException, StoreException {
    if (!"POST".equals(method)) {
      JsonResponses.methodNotAllowed(exchange, "POST");
      return;
    }
    mailboxes.markHeard(message.mailbox(), message.id());
    noContent(exchange);
  }

  private void greeting(HttpExchange exchange) throws IOException {
    Optional<String> user = authenticate(exchange);
    if (user.isEmpty()) {
      return;
    }
    if (!exchange.getRequestURI().getPath().equals(GREETING)) {
      JsonResponses.error(exchange, 404, "not found");
      return;
    }
    if (!"PUT".equals(exchange.getRequestMethod())) {
      JsonResponses.methodNotAllowed(exchange, "PUT");
      return;
    }
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_GREETING_BYTES + 1);
    }
    if (body.length > MAX_GREETING_BYTES) {
      JsonResponses.error(exchange, 413, "a greeting may be at most 2 MiB");
      return;
    }
    try {
      mailboxes.saveGreeting(user.get(), body);
    } catch (WavFileException e) {
      JsonResponses.error(exchange, 400, "not a usable greeting: " + e.getMessage());
      return;
    }
    noContent(exchange);
  }

  private void list(HttpExchange exchange, String user) throws IOException, StoreException {
    List<Map<String, Object>> messages = new ArrayList<>();
    for (VoicemailMessage message : mailboxes.list(user)) {
      messages.add(json(message));
    }
    JsonResponses.send(exchange, 200, Map.of("messages", messages));
  }

  private Optional<VoicemailMessage> find(String user, String id) throws StoreException {
    long number;
    try {
      number = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return mailboxes.find(user, number);
  }

  /**
   * The authenticated user, or empty after answering: 403 for a plain-HTTP client that is not on
   * loopback (before any credentials are read), and one identical 401 for a missing header, an
   * unknown user and a wrong password.
   */
  private Optional<String> authenticate(HttpExchange exchange) throws IOException {
    if (!(exchange instanceof HttpsExchange) && !fromLoopback(exchange)) {
      // Basic credentials in clear text would cross the network: refuse before reading them.
      JsonResponses.error(
          exchange,
          403,
          "plain HTTP is served to this machine only; use the HTTPS port (https.port)");
      return Optional.empty();
    }
    Optional<BasicCredentials> credentials =
        BasicCredentials.parse(exchange.getRequestHeaders().getFirst("Authorization"));
    if (credentials.isPresent()) {
      try {
        if (passwords.matches(credentials.get().user(), credentials.get().password())) {
          return Optional.of(credentials.get().user());
        }
      } catch (IOException e) {
        LOG.error("Cannot check the password of {}", credentials.get().user(), e);
        JsonResponses.error(exchange, 503, "user store unavailable");
        return Optional.empty();
      } finally {
        Arrays.fill(credentials.get().password(), '\0');
      }
    }
    exchange
        .getResponseHeaders()
        .set("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    JsonResponses.error(exchange, 401, "unauthorized");
    return Optional.empty();
  }

  private static boolean fromLoopback(HttpExchange exchange) {
    InetSocketAddress remote = exchange.getRemoteAddress();
    return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
  }

  private static Map<String, Object> json(VoicemailMessage message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", message.id());
    json.put("from", message.caller());
    json.put("receivedAt", message.receivedAt().toString());
    json.put("durationSeconds", message.durationMillis() / 1000.0);
    json.put("heard", message.heard());
    return json;
  }

  /** Sends a file, or the one byte range asked for (206), or 416 for a range beyond its end. */
  private static void sendFile(HttpExchange exchange, Path file, String contentType)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long total = channel.size();
      var headers = exchange.getResponseHeaders();
      headers.set("Accept-Ranges", "bytes");
      headers.set("Cache-Control", "private, no-store");
      Optional<ByteRange> range;
      try {
        range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), total);
      } catch (ByteRange.Unsatisfiable e) {
        headers.set("Content-Range", "bytes */" + total);
        exchange.sendResponseHeaders(416, -1);
        return;
      }
      ByteRange selected = range.orElse(new ByteRange(0, total - 1));
      headers.set("Content-Type", contentType);
      if (range.isPresent()) {
        headers.set("Content-Range", selected.contentRange(total));
      }
      int status = range.isPresent() ? 206 : 200;
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, total == 0 ? -1 : selected.length());
      try (OutputStream out = exchange.getResponseBody()) {
        copy(channel, selected, out);
      }
    }
  }

  private static void copy(FileChannel channel, ByteRange range, OutputStream out)
      throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(COPY_BUFFER_BYTES);
    long position = range.first();
    long left = range.length();
    var sink = Channels.newChannel(out);
    while (left > 0) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), left));
      int read = channel.read(buffer, position);
      if (read < 0) {
        break;
      }
      buffer.flip();
      while (buffer.hasRemaining()) {
        sink.write(buffer);
      }
      position += read;
      left -= read;
    }
  }

  private static Optional<String> queryParameter(HttpExchange exchange, String name) {
    String query = exchange.getRequestURI().getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).equals(name)) {
        return Optional.of(pair.substring(equals + 1));
      }
    }
    return Optional.empty();
  }

  private static void noContent(HttpExchange exchange) throws IOException {
    exchange.sendResponseHeaders(204, -1);
  }
}

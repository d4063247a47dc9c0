package org.parley.core.voicemail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.SSLHandshakeException;
import org.parley.core.voicemail.VoicemailException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the server's visual-voicemail HTTP API (docs/voicemail-api.md): lists the mailbox,
 * downloads audio into a local cache (so a message plays again without the server), marks messages
 * heard, deletes them and uploads the greeting. Every method blocks on the network: call it off the
 * core's loop and off a UI thread. Thread-safe.
 */
public final class VoicemailClient {

  private static final Logger LOG = LoggerFactory.getLogger(VoicemailClient.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LIST_FILE = "messages.json";
  private static final long MAX_LIST_BYTES = 4L << 20;

  private final URI apiBase;
  private final BasicCredentials credentials;
  private final Path cacheDirectory;
  private final HttpClient http;
  private final Duration timeout;
  private final boolean safe;

  VoicemailClient(
      URI apiBase,
      BasicCredentials credentials,
      Path cacheDirectory,
      HttpClient http,
      Duration timeout) {
    String base = apiBase.toString();
    this.apiBase = URI.create(base.endsWith("/") ? base : base + "/");
    this.safe = ApiAddress.sendsPasswordSafely(this.apiBase);
    this.credentials = credentials;
    this.cacheDirectory = cacheDirectory;
    this.http = http;
    this.timeout = timeout;
  }

  public URI apiBase() {
    return apiBase;
  }

  /** The mailbox's messages, oldest first; the list is also kept for {@link #cachedList()}. */
  public List<VoicemailMessage> list() throws VoicemailException {
    HttpResponse<byte[]> response =
        exchange(request("api/v1/voicemail").GET(), HttpResponse.BodyHandlers.ofByteArray());
    expect(response, 200);
    List<VoicemailMessage> messages = parseList(response.body());
    writeCache(LIST_FILE, response.body());
    forgetAudioExcept(messages);
    return messages;
  }

  /** The list as last fetched, for when the server cannot be reached; empty if never fetched. */
  public List<VoicemailMessage> cachedList() throws VoicemailException {
    Path file = cacheDirectory.resolve(LIST_FILE);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_LIST_BYTES) {
        return List.of();
      }
      return parseList(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new VoicemailException(Reason.CACHE, "Cannot read the cached message list", e);
    }
  }

  /**
   * The message's audio (WAV, 8 kHz mono 16-bit) as a local file: from the cache when it was
   * downloaded before, else downloaded now.
   */
  public Path audio(long messageId) throws VoicemailException {
    Optional<Path> cached = cachedAudio(messageId);
    if (cached.isPresent()) {
      return cached.get();
    }
    Path target = audioFile(messageId);
    Path partial = cacheDirectory.resolve(messageId + ".wav.part");
    createCacheDirectory();
    HttpResponse<Path> response =
        exchange(
            request("api/v1/voicemail/" + messageId + "/audio").GET(),
            HttpResponse.BodyHandlers.ofFile(partial));
    try {
      if (response.statusCode() != 200) {
        String error = readError(partial);
        throw failure(response.statusCode(), error);
      }
      // Renamed only once complete, so a cached file is always a whole message.
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new VoicemailException(Reason.CACHE, "Cannot keep the message's audio", e);
    } finally {
      deleteQuietly(partial);
    }
  }

  /** The message's audio if it was downloaded before. */
  public Optional<Path> cachedAudio(long messageId) {
    Path file = audioFile(messageId);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Marks the message heard: the summary then counts it as old. */
  public void markHeard(long messageId) throws VoicemailException {
    HttpResponse<byte[]> response =
        exchange(
            request("api/v1/voicemail/" + messageId + "/heard")
                .POST(HttpRequest.BodyPublishers.noBody()),
            HttpResponse.BodyHandlers.ofByteArray());
    expect(response, 204);
  }

  /** Deletes the message on the server and from the cache. */
  public void delete(long messageId) throws VoicemailException {
    HttpResponse<byte[]> response =
        exchange(
            request("api/v1/voicemail/" + messageId).DELETE(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() == 204 || response.statusCode() == 404) {
      deleteQuietly(audioFile(messageId));
    }
    expect(response, 204);
  }

  /** Uploads {@code wav} (16-bit PCM, 8000 Hz mono, at most 60 s) as the mailbox's greeting. */
  public void uploadGreeting(Path wav) throws VoicemailException {
    HttpRequest.BodyPublisher body;
    try {
      if (!Files.isRegularFile(wav)) {
        throw new NoSuchFileException(wav.toString());
      }
      body = HttpRequest.BodyPublishers.ofFile(wav);
    } catch (IOException e) {
      throw new VoicemailException(Reason.CACHE, "Cannot read the greeting " + wav, e);
    }
    HttpResponse<byte[]> response =
        exchange(
            request("api/v1/greeting").header("Content-Type", "audio/wav").PUT(body),
            HttpResponse.BodyHandlers.ofByteArray());
    expect(response, 204);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(apiBase.resolve(path))
        .timeout(timeout)
        .header("Authorization", credentials.authorization());
  }

  private <T> HttpResponse<T> exchange(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) throws VoicemailException {
    if (!safe) {
      throw new VoicemailException(
          Reason.INSECURE,
          0,
          "Refusing to send the password unencrypted to "
              + apiBase
              + ": use an https:// address (http:// only for this computer)");
    }
    HttpRequest built = request.build();
    try {
      return http.send(built, handler);
    } catch (HttpTimeoutException e) {
      throw new VoicemailException(
          Reason.UNREACHABLE, "The voicemail server at " + apiBase + " did not answer in time", e);
    } catch (SSLHandshakeException e) {
      throw new VoicemailException(
          Reason.UNTRUSTED,
          "The voicemail server at " + apiBase + " is not trusted: " + certificateProblem(e),
          e);
    } catch (ConnectException e) {
      throw new VoicemailException(
          Reason.UNREACHABLE, "Cannot connect to the voicemail server at " + apiBase, e);
    } catch (IOException e) {
      throw new VoicemailException(
          Reason.UNREACHABLE, "The voicemail server at " + apiBase + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VoicemailException(Reason.UNREACHABLE, "Interrupted while waiting", e);
    }
  }

  // The trust manager's own sentence, rather than the TLS alert's wording around it.
  private static String certificateProblem(SSLHandshakeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateException) {
        return cause.getMessage();
      }
    }
    return e.getMessage();
  }

  private static void expect(HttpResponse<byte[]> response, int wanted) throws VoicemailException {
    if (response.statusCode() != wanted) {
      throw failure(response.statusCode(), errorText(response.body()));
    }
  }

  private static VoicemailException failure(int status, String serverError) {
    Reason reason = VoicemailException.forStatus(status);
    String message =
        switch (reason) {
          case UNAUTHORIZED -> "The voicemail server refused the user name or password";
          case FORBIDDEN -> "The voicemail server does not serve this client";
          case NOT_FOUND -> "No such message (or no voicemail API at this address)";
          case REJECTED -> "The voicemail server refused the request";
          default -> "The voicemail server failed";
        };
    String detail = serverError.isEmpty() ? "" : ": " + serverError;
    return new VoicemailException(reason, status, message + " (HTTP " + status + detail + ")");
  }

  // {"error":"..."}; anything else (a proxy's HTML page) says nothing useful.
  private static String errorText(byte[] body) {
    try {
      JsonNode error = JSON.readTree(body).path("error");
      return error.isTextual() ? error.asText() : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String readError(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return errorText(in.readNBytes(4096));
    } catch (IOException e) {
      return "";
    }
  }

  static List<VoicemailMessage> parseList(byte[] body) throws VoicemailException {
    try {
      JsonNode messages = JSON.readTree(body).path("messages");
      if (!messages.isArray()) {
        throw new VoicemailException(
            Reason.SERVER_ERROR, 200, "The voicemail list has no messages array");
      }
      List<VoicemailMessage> parsed = new ArrayList<>();
      for (JsonNode message : messages) {
        parsed.add(parseMessage(message));
      }
      return List.copyOf(parsed);
    } catch (JsonProcessingException e) {
      throw new VoicemailException(Reason.SERVER_ERROR, "The voicemail list is not JSON", e);
    } catch (IOException e) {
      throw new VoicemailException(Reason.SERVER_ERROR, "Cannot read the voicemail list", e);
    }
  }

  private static VoicemailMessage parseMessage(JsonNode message) throws VoicemailException {
    JsonNode id = message.path("id");
    JsonNode receivedAt = message.path("receivedAt");
    if (!id.canConvertToLong() || !receivedAt.isTextual()) {
      throw new VoicemailException(
          Reason.SERVER_ERROR, 200, "A listed message has no id or receipt time");
    }
    try {
      return new VoicemailMessage(
          id.asLong(),
          message.path("from").asText(""),
          Instant.parse(receivedAt.asText()),
          Math.max(0, message.path("durationSeconds").asDouble(0)),
          message.path("heard").asBoolean(false));
    } catch (DateTimeParseException e) {
      throw new VoicemailException(Reason.SERVER_ERROR, "A message's receipt time is garbled", e);
    }
  }

  private Path audioFile(long messageId) {
    return cacheDirectory.resolve(messageId + ".wav");
  }

  private void createCacheDirectory() throws VoicemailException {
    try {
      Files.createDirectories(cacheDirectory);
    } catch (IOException e) {
      throw new VoicemailException(Reason.CACHE, "Cannot create " + cacheDirectory, e);
    }
  }

  private void writeCache(String name, byte[] content) throws VoicemailException {
    createCacheDirectory();
    Path partial = cacheDirectory.resolve(name + ".part");
    try {
      Files.write(partial, content);
      Files.move(
          partial,
          cacheDirectory.resolve(name),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new VoicemailException(Reason.CACHE, "Cannot keep the message list", e);
    }
  }

  // Audio of messages deleted elsewhere (another phone, the mailbox by phone) would stay forever.
  private void forgetAudioExcept(List<VoicemailMessage> kept) {
    Set<String> names = new HashSet<>();
    kept.forEach(message -> names.add(message.id() + ".wav"));
    try (Stream<Path> files = Files.list(cacheDirectory)) {
      files
          .filter(file -> file.getFileName().toString().endsWith(".wav"))
          .filter(file -> !names.contains(file.getFileName().toString()))
          .forEach(VoicemailClient::deleteQuietly);
    } catch (NoSuchFileException e) {
      // Nothing cached yet.
    } catch (IOException e) {
      LOG.warn("Cannot tidy the voicemail cache {}", cacheDirectory, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}", file, e);
    }
  }

  @Override
  public String toString() {
    return "VoicemailClient[" + apiBase + "]";
  }
}

package org.parley.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.parley.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's HTTP API on the JDK's HTTP server, over plain HTTP, HTTPS or both with the same
 * routes: {@code /health} built in, and further resources added by path prefix with {@link #route}.
 * Unknown paths get 404 JSON; a failing handler gets a 500 JSON response, never a stack trace.
 */
public final class HttpApi implements AutoCloseable {

  /** Threads that run handlers; the API serves administrators and phones, not the public. */
  static final int HANDLER_THREADS = 4;

  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final Comparator<String> LONGEST_FIRST =
      Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

  private final HttpServer server;
  private final HttpsServer secureServer;
  private final ExecutorService executor;
  private final HealthHandler health;
  private final Map<String, HttpHandler> routes = new ConcurrentSkipListMap<>(LONGEST_FIRST);

  /**
   * Starts listening for plain HTTP at once.
   *
   * @param address where to listen; port 0 picks a free port (see {@link #port()})
   * @param version the server's version, reported by {@code /health}
   * @throws BindException when the address is in use or not on this machine
   */
  public HttpApi(InetSocketAddress address, String version) throws IOException {
    this(address, null, null, version, Clock.systemUTC());
  }

  HttpApi(InetSocketAddress address, String version, Clock clock) throws IOException {
    this(address, null, null, version, clock);
  }

  /**
   * Starts listening at once on either address or both; both serve the same routes.
   *
   * @param plain where to listen for plain HTTP, or null for nowhere
   * @param secure where to listen for HTTPS, or null for nowhere; port 0 picks a free port
   * @param tls the context that presents the server's certificate; needed with {@code secure}
   */
  HttpApi(
      InetSocketAddress plain,
      InetSocketAddress secure,
      SSLContext tls,
      String version,
      Clock clock)
      throws IOException {
    if (plain == null && secure == null) {
      throw new IllegalArgumentException("The HTTP API needs a plain or a secure address");
    }
    health = new HealthHandler(version, clock);
    routes.put(HealthHandler.PATH, health);
    executor = Executors.newFixedThreadPool(HANDLER_THREADS, new HandlerThreads());
    HttpServer plainServer = null;
    try {
      plainServer = plain == null ? null : bind(HttpServer.create(), plain, "http.port");
      secureServer = secure == null ? null : bind(HttpsServer.create(), secure, "https.port");
    } catch (IOException e) {
      if (plainServer != null) {
        // A bound channel is closed by the dispatcher's selector: without one the port stays taken.
        plainServer.setExecutor(executor);
        plainServer.start();
        plainServer.stop(0);
      }
      executor.shutdownNow();
      throw e;
    }
    server = plainServer;
    if (secureServer != null) {
      secureServer.setHttpsConfigurator(new HttpsConfigurator(tls));
    }
    for (HttpServer listener : listeners()) {
      listener.setExecutor(executor);
      listener.createContext("/", this::dispatch);
      listener.start();
    }
    if (server != null) {
      log.info("HTTP API listening on {}", server.getAddress());
    }
    if (secureServer != null) {
      log.info("HTTPS API listening on {}", secureServer.getAddress());
    }
  }

  private static <S extends HttpServer> S bind(S server, InetSocketAddress address, String key)
      throws IOException {
    try {
      server.bind(address, 0);
      return server;
    } catch (BindException e) {
      server.stop(0); // an unbound server still holds an open channel and selector
      BindException clearer =
          new BindException(
              "Cannot listen for "
                  + (server instanceof HttpsServer ? "HTTPS" : "HTTP")
                  + " on "
                  + address.getHostString()
                  + ":"
                  + address.getPort()
                  + " ("
                  + e.getMessage()
                  + "); choose another "
                  + key
                  + " or http.bind, or set "
                  + key
                  + "=0 to turn it off");
      clearer.initCause(e);
      throw clearer;
    }
  }

  /**
   * Starts the HTTP API where the configuration says: plain HTTP on {@code http.port}, and HTTPS on
   * {@code https.port} when {@code tls} is given, both on {@code http.bind}.
   *
   * @param tls presents the server's certificate; empty serves plain HTTP only
   * @throws IllegalArgumentException when the configuration turns both off
   */
  public static HttpApi start(ServerConfig config, String version, Optional<SSLContext> tls)
      throws IOException {
    boolean secure = config.httpsEnabled() && tls.isPresent();
    if (!config.httpEnabled() && !secure) {
      throw new IllegalArgumentException(
          "http.port and https.port are 0: the HTTP API is turned off");
    }
    return new HttpApi(
        config.httpEnabled()
            ? new InetSocketAddress(config.httpBindAddress(), config.httpPort())
            : null,
        secure ? new InetSocketAddress(config.httpBindAddress(), config.httpsPort()) : null,
        tls.orElse(null),
        version,
        Clock.systemUTC());
  }

  /**
   * The plain-HTTP port listened on; the real one when the constructor was given port 0.
   *
   * @throws IllegalStateException when the API listens for HTTPS only
   */
  public int port() {
    return address().getPort();
  }

  /**
   * The plain-HTTP address listened on.
   *
   * @throws IllegalStateException when the API listens for HTTPS only
   */
  public InetSocketAddress address() {
    if (server == null) {
      throw new IllegalStateException("The HTTP API listens for HTTPS only");
    }
    return server.getAddress();
  }

  /** Whether the API listens for plain HTTP. */
  public boolean servesPlain() {
    return server != null;
  }

  /** The HTTPS address listened on, if any. */
  public Optional<InetSocketAddress> secureAddress() {
    return Optional.ofNullable(secureServer).map(HttpServer::getAddress);
  }

  private List<HttpServer> listeners() {
    List<HttpServer> listeners = new ArrayList<>(2);
    if (server != null) {
      listeners.add(server);
    }
    if (secureServer != null) {
      listeners.add(secureServer);
    }
    return listeners;
  }

  /**
   * Sends requests for {@code pathPrefix} and the paths below it to {@code handler}: {@code
   * /api/v1/voicemail} gets {@code /api/v1/voicemail} and {@code /api/v1/voicemail/7}, not {@code
   * /api/v1/voicemailbox}. The longest matching prefix wins. The handler must send a response; the
   * API closes the exchange afterwards.
   *
   * @param pathPrefix starts with {@code /} and does not end with one
   * @throws IllegalArgumentException when the prefix is malformed or already routed
   */
  public void route(String pathPrefix, HttpHandler handler) {
    Objects.requireNonNull(handler, "handler");
    if (!pathPrefix.startsWith("/")
        || pathPrefix.length() < 2
        || pathPrefix.endsWith("/")
        || pathPrefix.contains("//")
        || pathPrefix.matches(".*[?#%\\s].*")) {
      throw new IllegalArgumentException(
          "A route is a path such as /api/v1/voicemail, not " + pathPrefix);
    }
    if (routes.putIfAbsent(pathPrefix, handler) != null) {
      throw new IllegalArgumentException(pathPrefix + " is routed already");
    }
  }

  /**
   * Adds a check to {@code /health}; checks are reported in the order they were added.
   *
   * @param name the check's key in the response's {@code checks} object, such as {@code sip}
   */
  public void addHealthCheck(String name, HealthCheck check) {
    Objects.requireNonNull(check, "check");
    health.add(name, check);
  }

  /** Stops listening, cuts open connections and stops the handler threads. */
  @Override
  public void close() {
    listeners().forEach(listener -> listener.stop(0));
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    log.info("HTTP API stopped");
  }

  /** The root of every request's handling, so the last place an exception can be caught. */
  private void dispatch(HttpExchange exchange) {
    String path = normalizedPath(exchange.getRequestURI());
    try {
      HttpHandler handler = path == null ? null : find(path);
      if (handler == null) {
        JsonResponses.error(exchange, 404, "not found");
        return;
      }
      handler.handle(exchange);
      if (exchange.getResponseCode() == -1) {
        log.error("The handler for {} sent no response", path);
        JsonResponses.error(exchange, 500, "internal error");
      }
    } catch (IOException e) {
      log.debug("HTTP exchange for {} ended early", path, e);
    } catch (RuntimeException e) {
      log.error("The handler for {} failed", path, e);
      sendInternalError(exchange);
    } finally {
      exchange.close();
    }
  }

  private HttpHandler find(String path) {
    for (Map.Entry<String, HttpHandler> route : routes.entrySet()) {
      String prefix = route.getKey();
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return route.getValue();
      }
    }
    return null;
  }

  /** The request's path with dot segments removed, or null when it climbs above the root. */
  private static String normalizedPath(URI uri) {
    String path = uri.normalize().getPath();
    if (path == null || !path.startsWith("/") || path.startsWith("/..")) {
      return null;
    }
    return path;
  }

  private static void sendInternalError(HttpExchange exchange) {
    if (exchange.getResponseCode() != -1) {
      return; // The status line is gone already; closing the exchange is all that is left.
    }
    try {
      JsonResponses.error(exchange, 500, "internal error");
    } catch (IOException e) {
      log.debug("Could not send a 500 response", e);
    }
  }

  /** Daemon threads, so a forgotten close never keeps the JVM alive. */
  private static final class HandlerThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "parley-http-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}

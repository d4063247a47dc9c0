package org.parley.app.desktop.session;

import java.nio.file.Path;
import org.parley.app.cli.VersionProvider;
import org.parley.server.ParleyServer;
import org.parley.server.ServerStartException;
import org.parley.server.UserAdministration;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.store.StoreException;
import org.parley.server.store.sqlite.ServerDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled server run inside the desktop app on loopback, so a first-time user can call the echo
 * test without any setup: no TLS, reachable from this machine only. Its HTTP API (visual voicemail)
 * listens on a loopback port chosen at each start.
 */
public final class EmbeddedServer implements AutoCloseable {

  /** The SIP domain of the embedded server; the local user is {@code sip:NAME@localhost}. */
  public static final String DOMAIN = "localhost";

  static final String LOOPBACK = "127.0.0.1";

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

  private final ParleyServer server;
  private final int sipPort;
  private final int httpPort;

  private EmbeddedServer(ParleyServer server, int sipPort, int httpPort) {
    this.server = server;
    this.sipPort = sipPort;
    this.httpPort = httpPort;
  }

  /**
   * Starts the server with its data in {@code dataDir} on {@code sipPort} (UDP and TCP).
   *
   * @throws SessionException when the port is taken or the database cannot be opened
   */
  public static EmbeddedServer start(Path dataDir, int sipPort) throws SessionException {
    int httpPort = LoopbackPorts.freeUdpAndTcp();
    while (httpPort == sipPort) {
      httpPort = LoopbackPorts.freeUdpAndTcp();
    }
    ServerConfig config = config(dataDir, sipPort, httpPort);
    try {
      ParleyServer server = ParleyServer.start(config, VersionProvider.version());
      LOG.info("Embedded server for {} on {} port {}", DOMAIN, LOOPBACK, sipPort);
      return new EmbeddedServer(server, sipPort, server.httpPort().orElse(httpPort));
    } catch (ServerStartException e) {
      throw new SessionException("The built-in server could not start: " + e.getMessage(), e);
    }
  }

  /** Adds a user to the server's database (before or while it runs). */
  public static void addUser(Path dataDir, int sipPort, String name, char[] password)
      throws SessionException {
    ServerConfig config = config(dataDir, sipPort, 0);
    try (ServerDatabase database = ServerDatabase.open(ParleyServer.databaseFile(config))) {
      new UserAdministration(database.users(), DOMAIN).add(name, password);
    } catch (StoreException | IllegalArgumentException e) {
      throw new SessionException("The local user could not be created: " + e.getMessage(), e);
    }
  }

  private static ServerConfig config(Path dataDir, int sipPort, int httpPort)
      throws SessionException {
    try {
      return ServerConfig.resolve(
          new ServerConfigOverrides("the desktop app")
              .dataDir(dataDir)
              .domain(DOMAIN)
              .bindAddress(LOOPBACK)
              .sipPort(sipPort)
              .tlsPort(0)
              .httpPort(httpPort)
              // Loopback only, so plain HTTP is safe; no certificate to generate at first start.
              .httpsPort(0));
    } catch (ConfigException e) {
      throw new SessionException("The built-in server is misconfigured: " + e.getMessage(), e);
    }
  }

  public int sipPort() {
    return sipPort;
  }

  /** The loopback port of the visual-voicemail API. */
  public int httpPort() {
    return httpPort;
  }

  @Override
  public void close() {
    server.close();
  }
}

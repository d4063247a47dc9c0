package org.parley.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.parley.server.ParleyServer;
import org.parley.server.config.ServerConfig;
import org.parley.server.config.ServerConfigOverrides;
import org.parley.server.sip.FreePorts;

/**
 * A Parley server in this JVM on loopback for the command-line tests, its users added through
 * {@code parley server user add} as an administrator would.
 */
final class LocalServer implements AutoCloseable {

  static final String DOMAIN = "127.0.0.1";

  private final ParleyServer server;
  private final int port;

  private LocalServer(ParleyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a server with data in {@code data} and the given users.
   *
   * @param users name and password pairs
   */
  static LocalServer start(Path data, String... users) throws Exception {
    for (int i = 0; i < users.length; i += 2) {
      int added =
          ParleyCommandLine.create(
                  () -> 0,
                  new PrintWriter(new StringWriter(), true),
                  new PrintWriter(new StringWriter(), true))
              .execute(
                  "server",
                  "user",
                  "add",
                  users[i],
                  "--password",
                  users[i + 1],
                  "--data",
                  data.toString(),
                  "--domain",
                  DOMAIN);
      if (added != 0) {
        throw new IllegalStateException("Could not add user " + users[i]);
      }
    }
    int port = FreePorts.udpAndTcp();
    ParleyServer server =
        ParleyServer.start(
            ServerConfig.resolve(
                new ServerConfigOverrides()
                    .dataDir(data)
                    .domain(DOMAIN)
                    .bindAddress(DOMAIN)
                    .sipPort(port)
                    .httpPort(0)),
            "test");
    return new LocalServer(server, port);
  }

  int port() {
    return port;
  }

  /** {@code sip:user@127.0.0.1:port}, the form {@code --account} takes. */
  String account(String user) {
    return "sip:" + user + "@" + DOMAIN + ":" + port;
  }

  @Override
  public void close() {
    server.close();
  }
}

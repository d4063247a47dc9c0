package org.parley.server.sip.jainsip;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.server.auth.DigestAlgorithm;
import org.parley.server.auth.DigestAuthenticator;
import org.parley.server.auth.DigestCredentials;
import org.parley.server.auth.NonceService;
import org.parley.server.config.ServerConfig;
import org.parley.server.echo.EchoLimits;
import org.parley.server.presence.PresenceOptions;
import org.parley.server.registrar.LocationService;
import org.parley.server.registrar.Registrar;
import org.parley.server.registrar.RegistrarPolicy;
import org.parley.server.sip.FreePorts;
import org.parley.server.store.LocationStore;
import org.parley.server.store.MessageStore;
import org.parley.server.testing.MemoryMessageStore;

/** The SIP server on a free loopback port with users held in memory, for integration tests. */
final class TestSipServer implements AutoCloseable {

  static final String DOMAIN = "office.example";

  /** Short echo timeouts so the hang-up test is quick. */
  static final EchoLimits ECHO_LIMITS =
      new EchoLimits(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(2));

  final Map<String, char[]> passwords = new ConcurrentHashMap<>();
  final int port;
  final LocationService locations;
  final MessageStore messages;
  private final JainSipServer server;

  TestSipServer(LocationStore store) throws Exception {
    this(store, FreePorts.udpAndTcp());
  }

  TestSipServer(LocationStore store, int port) throws Exception {
    this(store, port, DOMAIN);
  }

  /** A server authoritative for another domain (torture messages name example.com). */
  TestSipServer(LocationStore store, String domain) throws Exception {
    this(store, FreePorts.udpAndTcp(), domain);
  }

  private TestSipServer(LocationStore store, int port, String domain) throws Exception {
    this(store, new MemoryMessageStore(), port, domain, PresenceOptions.inMemory());
  }

  /** A server whose offline messages go to {@code messages}. */
  TestSipServer(LocationStore store, MessageStore messages) throws Exception {
    this(store, messages, FreePorts.udpAndTcp(), DOMAIN, PresenceOptions.inMemory());
  }

  /** A server whose presence agent follows {@code presence}. */
  TestSipServer(LocationStore store, PresenceOptions presence) throws Exception {
    this(store, new MemoryMessageStore(), FreePorts.udpAndTcp(), DOMAIN, presence);
  }

  private TestSipServer(
      LocationStore store, MessageStore messages, int port, String domain, PresenceOptions presence)
      throws Exception {
    this.port = port;
    this.messages = messages;
    Clock clock = Clock.systemUTC();
    locations = new LocationService(store, clock);
    locations.restore();
    DigestAuthenticator authenticator =
        new DigestAuthenticator(
            domain,
            List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
            new NonceService(Duration.ofMinutes(5), 1 << 12),
            (user, algorithm) ->
                Optional.ofNullable(passwords.get(user))
                    .map(password -> DigestCredentials.ha1(algorithm, user, domain, password)),
            clock);
    server =
        JainSipServer.start(
            new SipServerSettings(
                domain,
                "127.0.0.1",
                port,
                0,
                null,
                null,
                16384,
                1,
                "Parley-test",
                ECHO_LIMITS,
                ServerConfig.DEFAULT_UDP_BUFFER_BYTES),
            new Registrar(new RegistrarPolicy(60, 3600, 3600, 8), locations, clock),
            locations,
            authenticator,
            passwords::containsKey,
            messages,
            null,
            presence,
            clock);
  }

  void addUser(String name, String password) {
    passwords.put(name, password.toCharArray());
  }

  void rooms(ChatRooms rooms) {
    server.rooms(rooms);
  }

  @Override
  public void close() {
    server.close();
  }
}

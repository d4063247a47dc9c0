package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.account.RegistrationEvent.Unregistered;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.VirtualTimeLoop;
import org.parley.server.auth.DigestAlgorithm;

/** Accounts registering with Parley's own server over real loopback sockets. */
class RegistrationIT {

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final AtomicReference<Set<InetAddress>> localAddresses =
      new AtomicReference<>(Set.of(InetAddress.getLoopbackAddress()));
  private BundledServer server;
  private Softphone softphone;

  @BeforeEach
  void start() throws Exception {
    server = BundledServer.builder().start().user("alice", "wonder").user("bob", "builder");
    softphone = Softphone.start(config());
  }

  private SoftphoneConfig config() {
    return SoftphoneConfig.defaults("127.0.0.1")
        .withLoop(loop)
        .withClock(loop.clock())
        .withTiming(
            new RegistrationTiming(Duration.ofSeconds(30), Duration.ofSeconds(1800), () -> 1.0))
        .withNetworkMonitor(localAddresses::get)
        .withPongTimeout(Duration.ofMillis(500));
  }

  @AfterEach
  void stop() {
    softphone.close();
    server.close();
    loop.close();
  }

  private AccountConfig account(String user, String password, Transport transport) {
    return AccountConfig.of("sip:" + user + "@" + BundledServer.DOMAIN, password::toCharArray)
        .withTransport(transport)
        .withOutboundProxy("127.0.0.1:" + server.port());
  }

  @Test
  void twoAccountsRegisterAtOnceOverUdpAndTcp() throws Exception {
    Account alice = softphone.addAccount(account("alice", "wonder", Transport.UDP));
    Account bob = softphone.addAccount(account("bob", "builder", Transport.TCP));
    RegistrationEvents aliceEvents = new RegistrationEvents();
    RegistrationEvents bobEvents = new RegistrationEvents();
    alice.addRegistrationListener(aliceEvents);
    bob.addRegistrationListener(bobEvents);

    alice.register();
    bob.register();

    Registered aliceRegistered = aliceEvents.next(Registered.class);
    Registered bobRegistered = bobEvents.next(Registered.class);
    assertThat(aliceRegistered.account()).isSameAs(alice);
    // The registrar counts down from its own clock: 3600 or a second less.
    assertThat(aliceRegistered.expiresSeconds()).isBetween(3599, 3600);
    assertThat(server.contactsOf("alice"))
        .singleElement()
        .asString()
        .startsWith("sip:alice@127.0.0.1:");
    assertThat(server.contactsOf("bob")).singleElement().asString().contains("transport=tcp");
    assertThat(bobRegistered.contacts()).containsExactlyElementsOf(server.contactsOf("bob"));
    assertThat(alice.registrationState()).isEqualTo(RegistrationState.REGISTERED);
  }

  @Test
  void wrongPasswordFailsWithStatusAndPlainReasonAndIsNotRetried() throws Exception {
    Account alice = softphone.addAccount(account("alice", "not-the-password", Transport.UDP));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);

    alice.register();

    RegistrationFailed failed = events.next(RegistrationFailed.class);
    assertThat(failed.cause()).isEqualTo(FailureCause.WRONG_CREDENTIALS);
    assertThat(failed.statusCode()).isEqualTo(401);
    assertThat(failed.reason()).startsWith("The server refused the user name or password");
    assertThat(failed.retryIn()).isEmpty();
    loop.advance(Duration.ofHours(2));
    assertThat(events.poll(Duration.ofMillis(300))).isNull();
    assertThat(server.contactsOf("alice")).isEmpty();
  }

  @Test
  void refreshGoesOutBeforeTheBindingExpires() throws Exception {
    Account alice =
        softphone.addAccount(
            account("alice", "wonder", Transport.TCP)
                .withExpiresSeconds(60)
                .withKeepAliveInterval(Duration.ofSeconds(10)));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);
    alice.register();
    assertThat(events.next(Registered.class).expiresSeconds()).isBetween(59, 60);

    // CRLF keep-alives go out at 10 s and 20 s; the server's pongs keep the flow alive (a
    // missed pong would re-register within the 500 ms pong timeout).
    loop.advance(Duration.ofSeconds(29));
    assertThat(events.poll(Duration.ofSeconds(1))).isNull();
    loop.advance(Duration.ofSeconds(1));

    assertThat(events.next(Registered.class).expiresSeconds()).isBetween(59, 60);
  }

  @Test
  void newLocalAddressMakesEveryAccountRegisterAgain() throws Exception {
    Account alice = softphone.addAccount(account("alice", "wonder", Transport.TCP));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);
    alice.register();
    events.next(Registered.class);
    loop.advance(Duration.ofSeconds(5)); // one poll with the old addresses: no change
    assertThat(events.poll(Duration.ofMillis(300))).isNull();

    localAddresses.set(Set.of(InetAddress.getByName("192.0.2.7")));
    loop.advance(Duration.ofSeconds(5));

    assertThat(events.next(Registered.class).account()).isSameAs(alice);
    assertThat(server.contactsOf("alice")).hasSize(1);
  }

  @Test
  void unregisterOnCloseRemovesTheBinding() throws Exception {
    Account alice = softphone.addAccount(account("alice", "wonder", Transport.UDP));
    Account bob = softphone.addAccount(account("bob", "builder", Transport.TCP));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);
    alice.register();
    bob.register();
    events.next(Registered.class);
    loop.drain();
    assertThat(server.contactsOf("alice")).hasSize(1);

    softphone.close();

    assertThat(events.next(Unregistered.class).account()).isSameAs(alice);
    assertThat(server.contactsOf("alice")).isEmpty();
    assertThat(server.contactsOf("bob")).isEmpty();
  }

  @Test
  void md5OnlyServerIsAnsweredWithMd5() throws Exception {
    registersWithAServerOffering(DigestAlgorithm.MD5);
  }

  @Test
  void sha256OnlyServerIsAnsweredWithSha256() throws Exception {
    registersWithAServerOffering(DigestAlgorithm.SHA_256);
  }

  private void registersWithAServerOffering(DigestAlgorithm algorithm) throws Exception {
    try (BundledServer only =
        BundledServer.builder().algorithms(algorithm).start().user("alice", "wonder")) {
      Account alice =
          softphone.addAccount(
              AccountConfig.of("sip:alice@" + BundledServer.DOMAIN, "wonder"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + only.port()));
      RegistrationEvents events = new RegistrationEvents();
      alice.addRegistrationListener(events);

      alice.register();

      events.next(Registered.class);
      assertThat(only.contactsOf("alice")).hasSize(1);
      softphone.close(); // while the server is still there for the un-REGISTER
    }
  }

  @Test
  void unreachableServerIsRetriedWithBackoffUntilItComesBack() throws Exception {
    int port = server.port();
    server.close();
    Account alice = softphone.addAccount(account("alice", "wonder", Transport.TCP));
    RegistrationEvents events = new RegistrationEvents();
    alice.addRegistrationListener(events);

    alice.register();

    RegistrationFailed first = events.next(RegistrationFailed.class);
    assertThat(first.cause()).isEqualTo(FailureCause.UNREACHABLE);
    assertThat(first.statusCode()).isZero();
    assertThat(first.reason()).contains("127.0.0.1:" + port).contains("TCP");
    // RFC 5626 §4.5 with the jitter pinned to its top: 30 s * 2^1, then 30 s * 2^2.
    assertThat(first.retryIn()).contains(Duration.ofSeconds(60));
    loop.advance(Duration.ofSeconds(59));
    assertThat(events.poll(Duration.ofMillis(300))).isNull();
    loop.advance(Duration.ofSeconds(1));
    assertThat(events.next(RegistrationFailed.class).retryIn()).contains(Duration.ofSeconds(120));

    server = BundledServer.builder().port(port).start().user("alice", "wonder");
    loop.advance(Duration.ofSeconds(120));

    assertThat(events.next(Registered.class).account()).isSameAs(alice);
    assertThat(server.contactsOf("alice")).hasSize(1);
    assertThat(Optional.ofNullable(loop.nextTimerIn())).isPresent();
  }
}

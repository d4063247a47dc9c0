package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.call.Call;
import org.parley.core.call.CallEvent.CallEnded;
import org.parley.core.call.CallEvent.CallEstablished;
import org.parley.core.call.CallEvent.IncomingCall;
import org.parley.core.call.CallMedia;
import org.parley.core.testing.BundledServer;
import org.parley.core.testing.CallEvents;
import org.parley.core.testing.RecordingSink;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.ToneSequence;
import org.parley.core.testing.VirtualTimeLoop;

/**
 * The server restarts under a registered account: it comes back on the same port with an empty
 * location store, and the account must register again by itself and be reachable for calls.
 */
class ServerRestartIT {

  private static final double[] BOB_TONES = {400, 1200, 800};

  /**
   * RFC 5626 §4.5 backoff scaled down (base 200 ms, jitter pinned to its top), so a retry schedule
   * of 400 ms, 800 ms, 1.6 s, then 2 s fits a test; the logic is the production one.
   */
  private static final RegistrationTiming FAST_RETRY =
      new RegistrationTiming(Duration.ofMillis(200), Duration.ofSeconds(2), () -> 1.0);

  private static final Duration RECOVERY_DEADLINE = Duration.ofSeconds(10);

  private BundledServer server;
  private Softphone alicePhone;
  private Softphone bobPhone;

  @BeforeEach
  void start() throws Exception {
    server = startServer(0);
    alicePhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1").withTiming(FAST_RETRY));
    bobPhone = Softphone.start(SoftphoneConfig.defaults("127.0.0.1"));
  }

  @AfterEach
  void stop() {
    alicePhone.close();
    bobPhone.close();
    server.close();
  }

  private static BundledServer startServer(int port) throws Exception {
    return BundledServer.builder()
        .port(port)
        .start()
        .user("alice", "wonder")
        .user("bob", "builder");
  }

  /**
   * A TCP account whose CRLF keep-alive goes out every second: the keep-alive (a write on a closed
   * connection, or a missing pong) is how a client notices that the server went away (RFC 5626
   * §4.4.1). Here the write fails at once; the pong timeout stays at its default, since a short one
   * makes a loaded machine's late pongs look like broken flows.
   */
  private Account tcpAccount(Softphone phone, String user, String password) {
    return phone.addAccount(
        AccountConfig.of("sip:" + user + "@" + BundledServer.DOMAIN, password::toCharArray)
            .withTransport(Transport.TCP)
            .withOutboundProxy("127.0.0.1:" + server.port())
            .withKeepAliveInterval(Duration.ofSeconds(1)));
  }

  private Account udpAccount(Softphone phone, String user, String password) {
    return phone.addAccount(
        AccountConfig.of("sip:" + user + "@" + BundledServer.DOMAIN, password::toCharArray)
            .withOutboundProxy("127.0.0.1:" + server.port()));
  }

  @Test
  void aTcpAccountRegistersAgainAfterTheServerRestartsEmptyAndCanBeCalled() throws Exception {
    Account alice = tcpAccount(alicePhone, "alice", "wonder");
    RegistrationEvents aliceRegistration = new RegistrationEvents();
    CallEvents aliceCalls = new CallEvents();
    alice.addRegistrationListener(aliceRegistration);
    alice.addCallListener(aliceCalls);
    alice.register();
    aliceRegistration.next(Registered.class);
    int port = server.port();

    server.close();
    // The next keep-alive finds the flow dead; registering again finds no server.
    RegistrationFailed failed = aliceRegistration.next(RegistrationFailed.class);
    assertThat(failed.cause()).isEqualTo(FailureCause.UNREACHABLE);
    assertThat(failed.retryIn()).isPresent();
    server = startServer(port);
    assertThat(server.contactsOf("alice")).as("the new server starts empty").isEmpty();

    List<RegistrationEvent> recovery = awaitRegistered(aliceRegistration);
    assertThat(recovery).last().isInstanceOf(Registered.class);
    assertThat(server.contactsOf("alice")).singleElement().asString().contains("transport=tcp");

    // Both hang-ups cross the proxy to or from the TCP phone over its registration flow.
    CallEvents bobCalls = new CallEvents();
    Account bob = udpAccount(bobPhone, "bob", "builder");
    bob.addCallListener(bobCalls);
    Call outgoing =
        bob.call("alice", CallMedia.of(new ToneSequence(BOB_TONES), new RecordingSink(8000)));
    RecordingSink aliceHears = new RecordingSink(ToneSequence.RATE_HZ);
    Call incoming = aliceCalls.next(IncomingCall.class).call();
    incoming.answer(CallMedia.of(new ToneSequence(), aliceHears));
    bobCalls.next(CallEstablished.class);
    aliceHears.awaitAfterSound(ToneSequence.SEGMENT_MILLIS * (BOB_TONES.length + 1), 15_000);
    assertThat(ToneSequence.toneRunsIn(aliceHears.samples(), ToneSequence.RATE_HZ))
        .containsExactly(400.0, 1200.0, 800.0);
    outgoing.hangUp();
    aliceCalls.next(CallEnded.class);
    bobCalls.next(CallEnded.class);

    bob.call("alice");
    aliceCalls.next(IncomingCall.class).call().answer(CallMedia.silent());
    bobCalls.next(CallEstablished.class);
    aliceCalls.next(CallEstablished.class).call().hangUp();
    bobCalls.next(CallEnded.class);
    aliceCalls.next(CallEnded.class);
  }

  @Test
  void aUdpAccountIsUnreachableUntilItsNextRefreshAfterTheServerRestartsEmpty() throws Exception {
    try (VirtualTimeLoop loop = new VirtualTimeLoop();
        Softphone carolPhone =
            Softphone.start(
                SoftphoneConfig.defaults("127.0.0.1")
                    .withLoop(loop)
                    .withClock(loop.clock())
                    .withNetworkMonitor(Set::of))) {
      // UDP has no connection to lose: nothing tells the client the server forgot it.
      Account carol =
          carolPhone.addAccount(
              AccountConfig.of("sip:alice@" + BundledServer.DOMAIN, "wonder"::toCharArray)
                  .withOutboundProxy("127.0.0.1:" + server.port())
                  .withExpiresSeconds(120));
      RegistrationEvents registration = new RegistrationEvents();
      CallEvents calls = new CallEvents();
      carol.addRegistrationListener(registration);
      carol.addCallListener(calls);
      carol.register();
      assertThat(registration.next(Registered.class).expiresSeconds()).isBetween(119, 120);
      int port = server.port();

      server.close();
      server = startServer(port);
      // Refresh at 120 s minus half of it (RegistrationTiming): until then the new server has
      // no binding, and the client, unaware, stays silent.
      loop.advance(Duration.ofSeconds(59));
      assertThat(registration.poll(Duration.ofMillis(300))).isNull();
      assertThat(server.contactsOf("alice")).isEmpty();
      loop.advance(Duration.ofSeconds(1));

      // The refresh carries the old server's nonce; the new one challenges it afresh.
      assertThat(registration.next(Registered.class).expiresSeconds()).isBetween(119, 120);
      assertThat(server.contactsOf("alice")).hasSize(1);
      Call call = udpAccount(bobPhone, "bob", "builder").call("alice");
      calls.next(IncomingCall.class).call().answer(CallMedia.silent());
      assertThat(calls.next(CallEstablished.class).call().peerUri())
          .isEqualTo("sip:bob@" + BundledServer.DOMAIN);
      call.hangUp();
      calls.next(CallEnded.class);
    }
  }

  /** The events up to and including the next {@link Registered}, failures being retried. */
  private static List<RegistrationEvent> awaitRegistered(RegistrationEvents events)
      throws InterruptedException {
    List<RegistrationEvent> seen = new ArrayList<>();
    long deadline = System.nanoTime() + RECOVERY_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      RegistrationEvent event = events.poll(Duration.ofMillis(500));
      if (event == null) {
        continue;
      }
      seen.add(event);
      if (event instanceof Registered) {
        return seen;
      }
      assertThat(event)
          .as("only retried failures before the new registration; so far %s", seen)
          .isInstanceOfSatisfying(
              RegistrationFailed.class, failure -> assertThat(failure.retryIn()).isPresent());
    }
    throw new AssertionError("Not registered again within " + RECOVERY_DEADLINE + ": " + seen);
  }
}

package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.core.account.RegistrationEvent.FailureCause;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.account.RegistrationEvent.RegistrationFailed;
import org.parley.core.call.Calls;
import org.parley.core.sip.DialogListener;
import org.parley.core.sip.IncomingInvite;
import org.parley.core.sip.RegisterResult;
import org.parley.core.sip.RegisterResult.Accepted;
import org.parley.core.sip.RegisterResult.Rejected;
import org.parley.core.sip.RegisterSession;
import org.parley.core.sip.SipDialog;
import org.parley.core.sip.SipUserAgent;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.VirtualTimeLoop;

/** The registration state machine against a scripted SIP side, on virtual time. */
class RegistrationTest {

  private final VirtualTimeLoop loop = new VirtualTimeLoop();
  private final ScriptedSip sip = new ScriptedSip();
  private final AccountRegistry registry =
      new AccountRegistry(
          sip,
          loop,
          new RegistrationTiming(Duration.ofSeconds(30), Duration.ofSeconds(1800), () -> 0.0),
          new Calls.Context(Clock.systemUTC(), InetAddress.getLoopbackAddress(), Optional::empty));
  private final RegistrationEvents events = new RegistrationEvents();
  private final Account account =
      registry.add(AccountConfig.of("sip:alice@office.example", "pw"::toCharArray));

  {
    account.addRegistrationListener(events);
  }

  @AfterEach
  void stop() {
    loop.close();
  }

  /** Answers each REGISTER with the next scripted result, and records what was asked. */
  private static final class ScriptedSip implements SipUserAgent {
    final BlockingQueue<Integer> requestedExpires = new LinkedBlockingQueue<>();
    final List<RegisterResult> script = new ArrayList<>();
    int keepAlives;
    Runnable lastFlowFailed;

    @Override
    public void register(
        RegisterSession session, int expiresSeconds, Consumer<RegisterResult> done) {
      requestedExpires.add(expiresSeconds);
      done.accept(script.remove(0));
    }

    @Override
    public void sendKeepAlive(RegisterSession session, Runnable flowFailed) {
      keepAlives++;
      lastFlowFailed = flowFailed;
    }

    @Override
    public void expectTlsServer(AccountConfig config) {}

    @Override
    public SipDialog invite(
        RegisterSession session, String target, Optional<String> offer, DialogListener l) {
      throw new UnsupportedOperationException("registration tests place no calls");
    }

    @Override
    public void onIncomingInvite(Consumer<IncomingInvite> handler) {}

    @Override
    public void close() {}

    int nextExpires() throws InterruptedException {
      Integer expires = requestedExpires.poll(5, TimeUnit.SECONDS);
      if (expires == null) {
        throw new AssertionError("No REGISTER was sent");
      }
      return expires;
    }
  }

  private static Accepted accepted(int expires, String reflexive) {
    return new Accepted(expires, List.of(), Optional.ofNullable(reflexive), Optional.empty());
  }

  @Test
  void changedNatBindingRegistersAgainAtOnce() throws Exception {
    sip.script.add(accepted(3600, "203.0.113.5:40000"));
    sip.script.add(accepted(3600, "203.0.113.5:40001"));
    sip.script.add(accepted(3600, "203.0.113.5:40001"));
    account.register();
    events.next(Registered.class);
    loop.advance(Duration.ofSeconds(3300)); // the refresh: the NAT now maps us elsewhere

    events.next(Registered.class);
    events.next(Registered.class); // the immediate re-REGISTER for the new binding

    assertThat(sip.requestedExpires).hasSize(3);
    assertThat(sip.script).isEmpty();
    assertThat(loop.nextTimerIn()).isEqualTo(Duration.ofSeconds(25)); // the UDP keep-alive
  }

  @Test
  void intervalTooBriefRetriesWithTheServersMinimum() throws Exception {
    sip.script.add(
        new Rejected(423, "Interval Too Brief", false, Optional.empty(), Optional.of(7200)));
    sip.script.add(accepted(7200, null));
    account.register();

    assertThat(events.next(Registered.class).expiresSeconds()).isEqualTo(7200);
    assertThat(sip.nextExpires()).isEqualTo(3600);
    assertThat(sip.nextExpires()).isEqualTo(7200);
  }

  @Test
  void serviceUnavailableWaitsForRetryAfter() throws Exception {
    sip.script.add(
        new Rejected(503, "Service Unavailable", false, Optional.of(90), Optional.empty()));
    account.register();

    RegistrationFailed failed = events.next(RegistrationFailed.class);

    assertThat(failed.cause()).isEqualTo(FailureCause.REJECTED);
    assertThat(failed.reason())
        .isEqualTo("The server refused the registration (503 Service Unavailable)");
    assertThat(failed.retryIn()).contains(Duration.ofSeconds(90));
  }

  @Test
  void backoffDoublesFromHalfTheBoundWithJitterAtItsFloor() throws Exception {
    for (int i = 0; i < 3; i++) {
      sip.script.add(new Rejected(500, "Server Error", false, Optional.empty(), Optional.empty()));
    }
    account.register();

    assertThat(events.next(RegistrationFailed.class).retryIn()).contains(Duration.ofSeconds(30));
    loop.advance(Duration.ofSeconds(30));
    assertThat(events.next(RegistrationFailed.class).retryIn()).contains(Duration.ofSeconds(60));
    loop.advance(Duration.ofSeconds(60));
    assertThat(events.next(RegistrationFailed.class).retryIn()).contains(Duration.ofSeconds(120));
  }

  @Test
  void networkChangeRegistersAgainWithoutWaitingForTheRefresh() throws Exception {
    sip.script.add(accepted(3600, null));
    sip.script.add(accepted(3600, null));
    account.register();
    events.next(Registered.class);

    loop.execute(registry::networkChanged);

    events.next(Registered.class);
    assertThat(sip.requestedExpires).hasSize(2);
  }

  @Test
  void brokenFlowFoundByAKeepAliveRegistersAgain() throws Exception {
    sip.script.add(accepted(3600, null));
    sip.script.add(accepted(3600, null));
    account.register();
    events.next(Registered.class);
    loop.advance(Duration.ofSeconds(25));
    assertThat(sip.keepAlives).isEqualTo(1);

    loop.execute(sip.lastFlowFailed);

    events.next(Registered.class);
    assertThat(sip.requestedExpires).hasSize(2);
  }

  @Test
  void aNewTcpConnectionsPortIsNotANatRebinding() throws Exception {
    Account tcp =
        registry.add(
            AccountConfig.of("sip:bob@office.example", "pw"::toCharArray)
                .withTransport(Transport.TCP));
    RegistrationEvents tcpEvents = new RegistrationEvents();
    tcp.addRegistrationListener(tcpEvents);
    sip.script.add(accepted(3600, "203.0.113.5:40000"));
    // After a broken flow the REGISTER goes over a new connection, from a new ephemeral port.
    sip.script.add(accepted(3600, "203.0.113.5:40001"));
    tcp.register();
    tcpEvents.next(Registered.class);
    loop.advance(Duration.ofSeconds(120));
    loop.execute(sip.lastFlowFailed);

    tcpEvents.next(Registered.class);
    loop.drain();
    assertThat(sip.requestedExpires).as("no re-REGISTER for the new port").hasSize(2);
    assertThat(tcpEvents.poll(Duration.ofMillis(300))).isNull();
  }

  @Test
  void unregisterSendsExpiresZeroOnlyWhenBound() throws Exception {
    assertThat(account.unregister().get(5, TimeUnit.SECONDS)).isNull();
    assertThat(sip.requestedExpires).isEmpty();

    sip.script.add(accepted(3600, null));
    sip.script.add(accepted(0, null));
    account.register();
    events.next(Registered.class);
    account.unregister().get(5, TimeUnit.SECONDS);

    assertThat(events.next(RegistrationEvent.Unregistered.class).account()).isSameAs(account);
    assertThat(sip.nextExpires()).isEqualTo(3600);
    assertThat(sip.nextExpires()).isZero();
    assertThat(loop.nextTimerIn()).isNull(); // no refresh, no keep-alive left behind
  }
}

package org.parley.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.core.Softphone;
import org.parley.core.SoftphoneConfig;
import org.parley.core.account.RegistrationEvent.Registered;
import org.parley.core.testing.RegistrationEvents;
import org.parley.core.testing.SilentRegistrar;
import org.parley.core.testing.VirtualTimeLoop;

/** RFC 5626 §4.4.1: a TCP flow whose keep-alive gets no pong is dead; register on a new one. */
class KeepAliveIT {

  @Test
  void missingPongRegistersAgainOverANewConnection() throws Exception {
    try (VirtualTimeLoop loop = new VirtualTimeLoop();
        SilentRegistrar registrar = new SilentRegistrar();
        Softphone softphone =
            Softphone.start(
                SoftphoneConfig.defaults("127.0.0.1")
                    .withLoop(loop)
                    .withClock(loop.clock())
                    .withNetworkMonitor(java.util.Set::of)
                    .withPongTimeout(Duration.ofMillis(500)))) {
      Account alice =
          softphone.addAccount(
              AccountConfig.of("sip:alice@office.example", "pw"::toCharArray)
                  .withTransport(Transport.TCP)
                  .withOutboundProxy("127.0.0.1:" + registrar.port())
                  .withKeepAliveInterval(Duration.ofSeconds(30)));
      RegistrationEvents events = new RegistrationEvents();
      alice.addRegistrationListener(events);
      alice.register();
      events.next(Registered.class);
      Integer firstConnection = registrar.registerSourcePorts.poll(5, TimeUnit.SECONDS);

      loop.advance(Duration.ofSeconds(30)); // the keep-alive goes out; no pong comes back

      events.next(Registered.class);
      Integer secondConnection = registrar.registerSourcePorts.poll(5, TimeUnit.SECONDS);
      assertThat(secondConnection).isNotNull().isNotEqualTo(firstConnection);
    }
  }
}

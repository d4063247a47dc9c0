package org.parley.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.parley.core.account.RegistrationTiming;
import org.parley.core.loop.EventLoop;
import org.parley.core.net.InterfaceNetworkMonitor;
import org.parley.core.net.NetworkMonitor;
import org.parley.core.sip.tls.TlsTrust;

/**
 * How a {@link Softphone} runs.
 *
 * @param clock the core's time (timestamps; timers run on the loop)
 * @param loop the event loop to run on; empty means the softphone starts and owns one
 * @param userAgentName the {@code User-Agent} header
 * @param bindAddress the local IP address SIP listens on and advertises in Via and Contact
 * @param tlsTrust the anchors for TLS server certificates
 * @param timing registration refresh and retry timing
 * @param networkMonitor where local addresses come from
 * @param networkPollInterval how often they are compared with the last poll
 * @param closeTimeout how long {@link Softphone#close()} waits for un-REGISTERs
 * @param pongTimeout how long a TCP/TLS keep-alive waits for its pong (RFC 5626: 10 s)
 */
public record SoftphoneConfig(
    Clock clock,
    Optional<EventLoop> loop,
    String userAgentName,
    String bindAddress,
    TlsTrust tlsTrust,
    RegistrationTiming timing,
    NetworkMonitor networkMonitor,
    Duration networkPollInterval,
    Duration closeTimeout,
    Duration pongTimeout) {

  /** The system clock, an own loop, the default trust store and RFC 5626 timing. */
  public static SoftphoneConfig defaults(String bindAddress) {
    return new SoftphoneConfig(
        Clock.systemUTC(),
        Optional.empty(),
        "Parley",
        bindAddress,
        TlsTrust.system(),
        RegistrationTiming.defaults(),
        new InterfaceNetworkMonitor(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(3),
        Duration.ofSeconds(10));
  }

  public SoftphoneConfig withLoop(EventLoop newLoop) {
    return new SoftphoneConfig(
        clock,
        Optional.of(newLoop),
        userAgentName,
        bindAddress,
        tlsTrust,
        timing,
        networkMonitor,
        networkPollInterval,
        closeTimeout,
        pongTimeout);
  }

  public SoftphoneConfig withClock(Clock newClock) {
    return new SoftphoneConfig(
        newClock,
        loop,
        userAgentName,
        bindAddress,
        tlsTrust,
        timing,
        networkMonitor,
        networkPollInterval,
        closeTimeout,
        pongTimeout);
  }

  public SoftphoneConfig withTlsTrust(TlsTrust trust) {
    return new SoftphoneConfig(
        clock,
        loop,
        userAgentName,
        bindAddress,
        trust,
        timing,
        networkMonitor,
        networkPollInterval,
        closeTimeout,
        pongTimeout);
  }

  public SoftphoneConfig withTiming(RegistrationTiming newTiming) {
    return new SoftphoneConfig(
        clock,
        loop,
        userAgentName,
        bindAddress,
        tlsTrust,
        newTiming,
        networkMonitor,
        networkPollInterval,
        closeTimeout,
        pongTimeout);
  }

  public SoftphoneConfig withNetworkMonitor(NetworkMonitor monitor) {
    return new SoftphoneConfig(
        clock,
        loop,
        userAgentName,
        bindAddress,
        tlsTrust,
        timing,
        monitor,
        networkPollInterval,
        closeTimeout,
        pongTimeout);
  }

  public SoftphoneConfig withPongTimeout(Duration timeout) {
    return new SoftphoneConfig(
        clock,
        loop,
        userAgentName,
        bindAddress,
        tlsTrust,
        timing,
        networkMonitor,
        networkPollInterval,
        closeTimeout,
        timeout);
  }
}

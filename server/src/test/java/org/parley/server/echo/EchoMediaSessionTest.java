package org.parley.server.echo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.server.echo.EchoMediaSession.EndReason;

/** Real UDP on loopback; waits are blocking receives and queues with timeouts, never sleeps. */
class EchoMediaSessionTest {

  private static final int RECEIVE_TIMEOUT_MILLIS = 5000;
  private static final EchoLimits LONG =
      new EchoLimits(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofSeconds(2));

  private final BlockingQueue<EndReason> ends = new ArrayBlockingQueue<>(4);
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void fiftyRtpPacketsComeBackByteForByte() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer caller = peer();
    List<byte[]> sent = new ArrayList<>();
    for (int sequence = 0; sequence < 50; sequence++) {
      byte[] packet = UdpPeer.rtp(0, sequence, 0x1234abcd, 160);
      sent.add(packet);
      caller.send(packet, session.rtpPort());
    }

    List<byte[]> received = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UdpPeer.Datagram echo = caller.receive();
      assertThat(echo.sourcePort()).isEqualTo(session.rtpPort());
      received.add(echo.data());
    }

    assertThat(received).containsExactlyElementsOf(sent);
  }

  @Test
  void countersMatchWhatWasReflected() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer caller = peer();
    for (int sequence = 0; sequence < 50; sequence++) {
      caller.send(UdpPeer.rtp(8, sequence, 7, 160), session.rtpPort());
      caller.receive();
    }
    session.close();

    assertThat(session.statistics()).isEqualTo(new EchoStatistics(50, 50 * 172, 50, 50 * 172, 0));
  }

  @Test
  void secondSourceIsIgnoredOnceTheFirstHasLatched() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer caller = peer();
    UdpPeer intruder = peer(200);
    caller.send(UdpPeer.rtp(0, 1, 1, 160), session.rtpPort());
    caller.receive();

    for (int sequence = 0; sequence < 3; sequence++) {
      intruder.send(UdpPeer.rtp(0, sequence, 2, 160), session.rtpPort());
    }
    // One thread reads the socket in order: once this echo is back, the intruder's packets have
    // been handled, and any echo of them would already be waiting in the intruder's socket.
    caller.send(UdpPeer.rtp(0, 2, 1, 160), session.rtpPort());
    caller.receive();
    session.close();

    assertThat(intruder.receiveIfAny()).isEmpty();
    assertThat(session.statistics().packetsIgnored()).isEqualTo(3);
    assertThat(session.statistics().packetsReflected()).isEqualTo(2);
  }

  @Test
  void rtcpOnTheNextPortIsReflectedThere() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer caller = peer();
    byte[] report = UdpPeer.rtcpReceiverReport(99);

    caller.send(report, session.rtcpPort());
    UdpPeer.Datagram echo = caller.receive();

    assertThat(session.rtpPort() % 2).isZero();
    assertThat(session.rtcpPort()).isEqualTo(session.rtpPort() + 1);
    assertThat(session.rtcpMux()).isFalse();
    assertThat(echo.data()).isEqualTo(report);
    assertThat(echo.sourcePort()).isEqualTo(session.rtcpPort());
  }

  @Test
  void withRtcpMuxRtpAndRtcpShareOnePort() throws IOException {
    EchoMediaSession session = open(true, LONG);
    UdpPeer caller = peer();
    byte[] rtp = UdpPeer.rtp(96, 1, 5, 80);
    byte[] rtcp = UdpPeer.rtcpReceiverReport(5);

    caller.send(rtp, session.rtpPort());
    caller.send(rtcp, session.rtpPort());
    UdpPeer.Datagram first = caller.receive();
    UdpPeer.Datagram second = caller.receive();

    assertThat(session.rtcpMux()).isTrue();
    assertThat(session.rtcpPort()).isEqualTo(session.rtpPort());
    assertThat(List.of(first.data(), second.data())).containsExactly(rtp, rtcp);
    assertThat(List.of(first.sourcePort(), second.sourcePort())).containsOnly(session.rtpPort());
  }

  @Test
  void idleCallbackFiresAfterTheIdleTimeout() throws Exception {
    long startNanos = System.nanoTime();
    open(
        false,
        new EchoLimits(Duration.ofMillis(300), Duration.ofMinutes(1), Duration.ofSeconds(2)));

    EndReason reason = ends.poll(5, TimeUnit.SECONDS);

    assertThat(reason).isEqualTo(EndReason.IDLE);
    assertThat(System.nanoTime() - startNanos).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void maximumDurationCallbackFiresEvenWithTraffic() throws Exception {
    long startNanos = System.nanoTime();
    EchoMediaSession session =
        open(
            false,
            new EchoLimits(Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofSeconds(2)));
    UdpPeer caller = peer();
    caller.send(UdpPeer.rtp(0, 1, 1, 160), session.rtpPort());
    caller.receive();

    EndReason reason = ends.poll(5, TimeUnit.SECONDS);

    assertThat(reason).isEqualTo(EndReason.MAX_DURATION);
    assertThat(System.nanoTime() - startNanos).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void endCallbackFiresOnlyOnce() throws Exception {
    EchoMediaSession session =
        open(
            false,
            new EchoLimits(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(2)));
    assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo(EndReason.IDLE);
    UdpPeer caller = peer();
    // Traffic restarts the idle clock, and the maximum duration passes within the wait below:
    // neither may call back a second time.
    caller.send(UdpPeer.rtp(0, 1, 1, 160), session.rtpPort());
    caller.receive();

    assertThat(ends.poll(1, TimeUnit.SECONDS)).isNull();
  }

  @Test
  void reflectingGoesOnAfterTheIdleCallbackUntilClose() throws Exception {
    EchoMediaSession session =
        open(
            false,
            new EchoLimits(Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(2)));
    assertThat(ends.poll(5, TimeUnit.SECONDS)).isEqualTo(EndReason.IDLE);
    UdpPeer caller = peer();
    byte[] packet = UdpPeer.rtp(0, 1, 1, 160);

    caller.send(packet, session.rtpPort());

    assertThat(caller.receive().data()).isEqualTo(packet);
  }

  @Test
  void closeFreesBothPorts() throws IOException {
    EchoMediaSession session = open(false, LONG);
    int rtpPort = session.rtpPort();
    int rtcpPort = session.rtcpPort();

    session.close();

    try (DatagramSocket rtp = new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, rtpPort));
        DatagramSocket rtcp =
            new DatagramSocket(new InetSocketAddress(UdpPeer.LOOPBACK, rtcpPort))) {
      assertThat(rtp.getLocalPort()).isEqualTo(rtpPort);
      assertThat(rtcp.getLocalPort()).isEqualTo(rtcpPort);
    }
  }

  @Test
  void closeIsIdempotent() throws IOException {
    EchoMediaSession session = open(true, LONG);

    session.close();

    assertThatCode(session::close).doesNotThrowAnyException();
  }

  @Test
  void closeFromTheEndCallbackDoesNotDeadlock() throws Exception {
    CompletableFuture<EchoMediaSession> opened = new CompletableFuture<>();
    BlockingQueue<EndReason> closedFromCallback = new ArrayBlockingQueue<>(1);
    EchoMediaSession session =
        EchoMediaSession.open(
            UdpPeer.LOOPBACK,
            false,
            new EchoLimits(Duration.ofMillis(100), Duration.ofMinutes(1), Duration.ofSeconds(2)),
            reason -> {
              opened.join().close();
              closedFromCallback.add(reason);
            });
    toClose.add(session);
    opened.complete(session);

    assertThat(closedFromCallback.poll(5, TimeUnit.SECONDS)).isEqualTo(EndReason.IDLE);
  }

  @Test
  void emptyDatagramsAreIgnoredAndDoNotLatch() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer stray = peer();
    UdpPeer caller = peer();
    stray.send(new byte[0], session.rtpPort());
    byte[] packet = UdpPeer.rtp(0, 1, 1, 160);

    caller.send(packet, session.rtpPort());

    assertThat(caller.receive().data()).isEqualTo(packet);
    session.close();
    assertThat(session.statistics().packetsIgnored()).isEqualTo(1);
  }

  @Test
  void aDatagramNearTheUdpMaximumIsReflectedWhole() throws IOException {
    EchoMediaSession session = open(false, LONG);
    UdpPeer caller = peer();
    byte[] large = UdpPeer.rtp(96, 1, 1, 60000);

    caller.send(large, session.rtpPort());

    assertThat(caller.receive().data()).isEqualTo(large);
  }

  private EchoMediaSession open(boolean rtcpMux, EchoLimits limits) throws IOException {
    EchoMediaSession session = EchoMediaSession.open(UdpPeer.LOOPBACK, rtcpMux, limits, ends::add);
    toClose.add(session);
    return session;
  }

  private UdpPeer peer() throws IOException {
    return peer(RECEIVE_TIMEOUT_MILLIS);
  }

  private UdpPeer peer(int receiveTimeoutMillis) throws IOException {
    UdpPeer peer = new UdpPeer(receiveTimeoutMillis);
    toClose.add(peer);
    return peer;
  }
}

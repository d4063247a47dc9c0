package org.parley.media.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.rtp.RtpStreamStatistics;
import org.parley.media.testing.ImpairmentRelay.Impairments;
import org.parley.media.testing.ImpairmentRelay.JitterShape;

class ImpairmentRelayTest {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  static final Duration SETTLE = Duration.ofSeconds(20);

  @Test
  void twentyPercentLossShowsAsTwentyPercentInTheReceiverStatistics() throws Exception {
    RtpStreamStatistics stats;
    try (RelayedStream stream = RelayedStream.open(Impairments.NONE.withLoss(0.20), 42)) {
      stream.sendInBursts(2000, 40);
      stats = stream.receiver().statistics();
    }

    double lossPercent = 100.0 * stats.cumulativeLost() / stats.packetsExpected();
    // Binomial: n = 2000, p = 0.2 gives a standard deviation of 0.9 %; allow about 3 of them.
    assertThat(lossPercent).isCloseTo(20.0, within(2.7));
    assertThat(stats.packetsExpected()).isBetween(1990L, 1999L);
  }

  @Test
  void jitterEstimateRisesWithTheRelaysJitter() throws Exception {
    List<Double> jitterMillis = new ArrayList<>();
    for (double spread : new double[] {0, 30, 80}) {
      Impairments impairments = Impairments.NONE.withJitter(spread, JitterShape.UNIFORM);
      try (RelayedStream stream = RelayedStream.open(impairments, 7)) {
        stream.sendPaced(200, 5000);
        jitterMillis.add(stream.receiver().statistics().jitterMillis());
      }
    }

    // Uniform delay over [0, s] gives E|D| = s / 3 between independent packets (10 ms at 30,
    // 27 ms at 80). With 5 ms spacing, 30 and 80 ms spreads reorder heavily and consecutive
    // arrivals are correlated, which pulls the estimate lower (measured: about 9 and 20 ms).
    assertThat(jitterMillis.get(0)).isLessThan(jitterMillis.get(1));
    assertThat(jitterMillis.get(1)).isLessThan(jitterMillis.get(2));
    assertThat(jitterMillis.get(1)).isBetween(4.0, 20.0);
    assertThat(jitterMillis.get(2)).isBetween(12.0, 45.0);
  }

  @Test
  void forwardsBothWaysUnchanged() throws Exception {
    try (DatagramChannel a = loopbackChannel();
        DatagramChannel b = loopbackChannel();
        ImpairmentRelay relay = relay(a, b, Impairments.NONE, 4096)) {
      a.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), relay.address());
      b.send(ByteBuffer.wrap(new byte[] {4, 5}), relay.address());

      assertThat(receive(b)).containsExactly(1, 2, 3);
      assertThat(receive(a)).containsExactly(4, 5);
    }
  }

  @Test
  void duplicationSendsEachDatagramTwice() throws Exception {
    try (DatagramChannel a = loopbackChannel();
        DatagramChannel b = loopbackChannel();
        ImpairmentRelay relay = relay(a, b, Impairments.NONE.withDuplication(1.0), 4096)) {
      a.send(ByteBuffer.wrap(new byte[] {9}), relay.address());

      assertThat(relay.awaitSettled(1, SETTLE)).isEqualTo(2);
      assertThat(receive(b)).containsExactly(9);
      assertThat(receive(b)).containsExactly(9);
    }
  }

  @Test
  void reorderingLetsLaterDatagramsOvertake() throws Exception {
    try (DatagramChannel a = loopbackChannel();
        DatagramChannel b = loopbackChannel();
        ImpairmentRelay relay = relay(a, b, Impairments.NONE.withReordering(0.3, 50), 4096)) {
      List<Integer> order = numberedThrough(a, relay, b, 40);

      assertThat(order).containsExactlyInAnyOrderElementsOf(range(40)).isNotEqualTo(range(40));
    }
  }

  @Test
  void theSameSeedDropsTheSameDatagrams() throws Exception {
    assertThat(survivors(11)).isEqualTo(survivors(11)).isNotEqualTo(survivors(12));
  }

  @Test
  void aFullQueueDropsInsteadOfGrowing() throws Exception {
    try (DatagramChannel a = loopbackChannel();
        DatagramChannel b = loopbackChannel();
        ImpairmentRelay relay = relay(a, b, Impairments.NONE.withReordering(1.0, 1000), 5)) {
      assertThat(numberedThrough(a, relay, b, 20)).hasSize(5);
      assertThat(relay.overflowed()).isEqualTo(15);
    }
  }

  private static List<Integer> survivors(long seed) throws Exception {
    try (DatagramChannel a = loopbackChannel();
        DatagramChannel b = loopbackChannel();
        ImpairmentRelay relay = relay(a, b, Impairments.NONE.withLoss(0.5), seed, 4096)) {
      return numberedThrough(a, relay, b, 64);
    }
  }

  /** Sends one-byte datagrams 0..count-1 from A and returns what B got, in arrival order. */
  private static List<Integer> numberedThrough(
      DatagramChannel a, ImpairmentRelay relay, DatagramChannel b, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      a.send(ByteBuffer.wrap(new byte[] {(byte) i}), relay.address());
    }
    long forwarded = relay.awaitSettled(count, SETTLE);
    List<Integer> arrived = new ArrayList<>();
    for (long i = 0; i < forwarded; i++) {
      arrived.add((int) receive(b)[0]);
    }
    return arrived;
  }

  private static List<Integer> range(int n) {
    List<Integer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(i);
    }
    return values;
  }

  private static ImpairmentRelay relay(
      DatagramChannel a, DatagramChannel b, Impairments impairments, int capacity)
      throws IOException {
    return relay(a, b, impairments, 1, capacity);
  }

  private static ImpairmentRelay relay(
      DatagramChannel a, DatagramChannel b, Impairments impairments, long seed, int capacity)
      throws IOException {
    return ImpairmentRelay.start(
        (InetSocketAddress) a.getLocalAddress(),
        (InetSocketAddress) b.getLocalAddress(),
        impairments,
        seed,
        capacity);
  }

  private static DatagramChannel loopbackChannel() throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(LOOPBACK, 0));
    channel.socket().setSoTimeout(5000);
    return channel;
  }

  /** One datagram, via the socket adaptor so that the 5 s timeout applies. */
  private static byte[] receive(DatagramChannel channel) throws IOException {
    DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
    channel.socket().receive(packet);
    byte[] data = new byte[packet.getLength()];
    System.arraycopy(packet.getData(), 0, data, 0, data.length);
    return data;
  }
}

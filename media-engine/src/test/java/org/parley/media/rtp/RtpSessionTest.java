package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.media.rtp.SessionProbe.quiet;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.rtcp.Bye;
import org.parley.media.rtcp.ReceiverReport;
import org.parley.media.rtcp.ReportBlock;
import org.parley.media.rtcp.RtcpPacket;
import org.parley.media.rtcp.SenderReport;
import org.parley.media.rtcp.SourceDescription;

class RtpSessionTest {

  static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  static RtpPacket packet(long ssrc, int seq) {
    return RtpPacket.of(0, false, seq, seq * 160L, ssrc, new byte[] {(byte) seq, 1, 2});
  }

  static DatagramChannel strayChannel() throws Exception {
    DatagramChannel channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(LOOPBACK, 0));
    return channel;
  }

  @ParameterizedTest(name = "rtcp-mux {0}")
  @ValueSource(booleans = {true, false})
  void twoSessionsExchangePacketsSymmetrically(boolean rtcpMux) throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, rtcpMux).build());
        SessionProbe b = new SessionProbe(quiet(2, rtcpMux).build())) {
      SessionProbe.connect(a, b);

      a.session.send(packet(1, 7));
      b.session.send(packet(2, 9));

      ReceivedRtpPacket atB = b.nextRtp();
      assertThat(atB.packet().sequenceNumber()).isEqualTo(7);
      assertThat(atB.packet().payload()).containsExactly(7, 1, 2);
      // Symmetric RTP: it came from the port A receives on.
      assertThat(atB.source()).isEqualTo(a.session.localRtpAddress());
      assertThat(a.nextRtp().packet().ssrc()).isEqualTo(2);
      if (!rtcpMux) {
        assertThat(a.session.localRtcpAddress().getPort())
            .isEqualTo(a.session.localRtpAddress().getPort() + 1);
        assertThat(a.session.localRtpAddress().getPort() % 2).isZero();
      }
    }
  }

  @Test
  void packetsFromAThirdSourceAreIgnored() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, true).build());
        SessionProbe b = new SessionProbe(quiet(2, true).build());
        DatagramChannel stray = strayChannel()) {
      SessionProbe.connect(a, b);

      stray.send(
          ByteBuffer.wrap(RtpPacketWriter.write(packet(66, 1))), b.session.localRtpAddress());
      a.session.send(packet(1, 2));

      // Datagrams on one socket are read in order: the stray one was handled before A's.
      assertThat(b.nextRtp().packet().ssrc()).isEqualTo(1);
      assertThat(b.rtp).isEmpty();
      assertThat(b.session.statistics().ignoredPackets()).isEqualTo(1);
    }
  }

  @Test
  void latchingTakesTheFirstValidSourceAndThenIgnoresOthers() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, true).build());
        SessionProbe b = new SessionProbe(quiet(2, true).latching(true).build());
        DatagramChannel garbage = strayChannel();
        DatagramChannel nat = strayChannel()) {
      a.session.setRemote(b.session.localRtpAddress(), null);
      InetSocketAddress bAddress = b.session.localRtpAddress();

      garbage.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), bAddress); // malformed: no latch
      nat.send(ByteBuffer.wrap(RtpPacketWriter.write(packet(5, 1))), bAddress);
      assertThat(b.nextRtp().source()).isEqualTo(nat.getLocalAddress());
      assertThat(b.session.remoteRtpAddress()).contains((InetSocketAddress) nat.getLocalAddress());

      // B now sends to the latched address...
      assertThat(b.session.send(packet(2, 1))).isTrue();
      ByteBuffer received = ByteBuffer.allocate(100);
      nat.configureBlocking(true);
      assertThat(nat.receive(received)).isEqualTo(bAddress);
      assertThat(RtpPacketParser.parse(received.array(), 0, received.position()).ssrc())
          .isEqualTo(2);

      // ... and ignores everyone else, A included.
      a.session.send(packet(1, 1));
      nat.send(ByteBuffer.wrap(RtpPacketWriter.write(packet(5, 2))), bAddress);
      assertThat(b.nextRtp().packet().ssrc()).isEqualTo(5);
      assertThat(b.session.statistics().ignoredPackets()).isEqualTo(1);
      assertThat(b.session.statistics().malformedPackets()).isEqualTo(1);
    }
  }

  @Test
  void withoutARemoteALatchingSessionCannotSendYet() throws Exception {
    try (SessionProbe b = new SessionProbe(quiet(2, true).latching(true).build())) {
      assertThat(b.session.send(packet(2, 1))).isFalse();
      assertThat(b.session.remoteRtpAddress()).isEmpty();
    }
  }

  @Test
  void badDatagramsAreCountedAndTheReceiveThreadCarriesOn() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, true).build());
        SessionProbe b = new SessionProbe(quiet(2, true).build())) {
      SessionProbe.connect(a, b);
      byte[] good = RtpPacketWriter.write(packet(1, 3));
      InetSocketAddress to = b.session.localRtpAddress();
      stray(to, new byte[] {(byte) 0x40, 0, 0}); // version 1, short
      stray(to, Arrays.copyOf(good, 11)); // truncated header
      stray(to, new byte[] {(byte) 0x80, (byte) 0xC9, 0x00, 0x40}); // RTCP, length too large
      a.session.send(packet(1, 3));

      assertThat(b.nextRtp().packet().sequenceNumber()).isEqualTo(3);
      assertThat(b.session.statistics().malformedPackets()).isEqualTo(3);
    }
  }

  private static void stray(InetSocketAddress to, byte[] datagram) throws Exception {
    try (DatagramChannel channel = strayChannel()) {
      channel.send(ByteBuffer.wrap(datagram), to);
    }
  }

  @ParameterizedTest(name = "rtcp-mux {0}")
  @ValueSource(booleans = {true, false})
  void receiverReportCarriesTheLoss(boolean rtcpMux) throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, rtcpMux).build());
        SessionProbe b = new SessionProbe(quiet(2, rtcpMux).build())) {
      SessionProbe.connect(a, b);
      for (int seq = 0; seq < 100; seq++) {
        if (seq != 10 && seq != 20 && seq != 30) {
          a.session.send(packet(1, seq));
        }
      }
      b.takeRtp(97);

      b.session.sendReport();

      List<RtcpPacket> compound = a.nextRtcp();
      assertThat(compound.get(0)).isInstanceOf(ReceiverReport.class); // B sent no RTP
      ReportBlock block = ((ReceiverReport) compound.get(0)).reportBlocks().get(0);
      // Seq 0 is probation; base 1, highest 99: expected 99, received 96, lost 3.
      assertThat(block.ssrc()).isEqualTo(1);
      assertThat(block.extendedHighestSequence()).isEqualTo(99);
      assertThat(block.cumulativeLost()).isEqualTo(3);
      assertThat(block.fractionLost()).isEqualTo(3 * 256 / 99);
      assertThat(((SourceDescription) compound.get(1)).cnameOf(2)).contains("ssrc2@loopback");
      assertThat(a.session.statistics().remoteCumulativeLost()).isEqualTo(3);
    }
  }

  @Test
  void roundTripOnLoopbackIsSmallAndNonNegative() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, true).build());
        SessionProbe b = new SessionProbe(quiet(2, true).build())) {
      SessionProbe.connect(a, b);
      for (int seq = 0; seq < 5; seq++) {
        a.session.send(packet(1, seq));
      }
      b.takeRtp(5);

      a.session.sendReport();
      assertThat(b.nextRtcp().get(0)).isInstanceOf(SenderReport.class);
      b.session.sendReport();
      a.nextRtcp();

      RtpStreamStatistics stats = a.session.statistics();
      assertThat(stats.hasRoundTrip()).isTrue();
      assertThat(stats.roundTripMillis()).isBetween(0.0, 50.0);
    }
  }

  @Test
  void theTimerSendsReportsOnItsOwn() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, false).rtcpMinimumIntervalMillis(40).build());
        SessionProbe b = new SessionProbe(quiet(2, false).build())) {
      SessionProbe.connect(a, b);
      a.session.send(packet(1, 0));

      long start = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        assertThat(b.nextRtcp().get(1)).isInstanceOf(SourceDescription.class);
      }
      // Three intervals of at most 40 ms * 1.5 / 1.218 each, with a generous margin.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  @Test
  void closeSendsAByeAndReleasesThePort() throws Exception {
    SessionProbe a = new SessionProbe(quiet(1, true).build());
    try (SessionProbe b = new SessionProbe(quiet(2, true).build())) {
      SessionProbe.connect(a, b);
      InetSocketAddress aAddress = a.session.localRtpAddress();

      a.close();
      a.close(); // harmless

      List<RtcpPacket> compound = b.nextRtcp();
      assertThat(compound.get(compound.size() - 1)).isEqualTo(new Bye(List.of(1L), ""));
      try (DatagramChannel rebound = DatagramChannel.open()) {
        rebound.bind(aAddress); // the port is free again
      }
      assertThat(a.session.send(packet(1, 1))).isFalse();
      assertThat(a.rtp.poll(0, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  /** A toy transform: XORs every byte after the first two with 0x5A and appends a tag 0x7E. */
  static final PacketTransform XOR_WITH_TAG =
      new PacketTransform() {
        @Override
        public byte[] protectRtp(byte[] packet) {
          return protect(packet);
        }

        @Override
        public byte[] protectRtcp(byte[] compound) {
          return protect(compound);
        }

        @Override
        public byte[] unprotectRtp(byte[] datagram, int length) {
          return unprotect(datagram, length);
        }

        @Override
        public byte[] unprotectRtcp(byte[] datagram, int length) {
          return unprotect(datagram, length);
        }

        private byte[] protect(byte[] plain) {
          byte[] out = Arrays.copyOf(plain, plain.length + 1);
          for (int i = 2; i < plain.length; i++) {
            out[i] ^= 0x5A;
          }
          out[plain.length] = 0x7E;
          return out;
        }

        private byte[] unprotect(byte[] datagram, int length) {
          if (length < 3 || datagram[length - 1] != 0x7E) {
            return null;
          }
          byte[] plain = Arrays.copyOf(datagram, length - 1);
          for (int i = 2; i < plain.length; i++) {
            plain[i] ^= 0x5A;
          }
          return plain;
        }
      };

  @Test
  void aTransformProtectsWhatGoesOutAndUnprotectsWhatComesIn() throws Exception {
    try (SessionProbe a = new SessionProbe(quiet(1, true).transform(XOR_WITH_TAG).build());
        SessionProbe b = new SessionProbe(quiet(2, true).transform(XOR_WITH_TAG).build());
        DatagramChannel eavesdropper = strayChannel()) {
      SessionProbe.connect(a, b);

      a.session.send(packet(1, 4));
      assertThat(b.nextRtp().packet().payload()).containsExactly(4, 1, 2);
      b.session.sendReport();
      assertThat(a.nextRtcp().get(0)).isInstanceOf(ReceiverReport.class);

      // On the wire the packet is not plain RTP: one byte longer, and the SSRC is scrambled.
      a.session.setRemote((InetSocketAddress) eavesdropper.getLocalAddress(), null);
      a.session.send(packet(1, 5));
      ByteBuffer wire = ByteBuffer.allocate(100);
      eavesdropper.configureBlocking(true);
      eavesdropper.receive(wire);
      byte[] plain = RtpPacketWriter.write(packet(1, 5));
      assertThat(wire.position()).isEqualTo(plain.length + 1);
      assertThat(RtpPacketParser.parse(wire.array(), 0, wire.position() - 1).ssrc())
          .isNotEqualTo(1);

      // A datagram that does not unprotect is dropped and counted.
      eavesdropper.send(ByteBuffer.wrap(plain), b.session.localRtpAddress());
      b.session.setRemote(a.session.localRtpAddress(), null);
      a.session.setRemote(b.session.localRtpAddress(), null);
      a.session.send(packet(1, 6));
      assertThat(b.nextRtp().packet().sequenceNumber()).isEqualTo(6);
      assertThat(b.session.statistics().malformedPackets()).isEqualTo(1);
    }
  }
}

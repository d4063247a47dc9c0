package org.parley.media.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.parley.media.audio.AudioSink;
import org.parley.media.audio.AudioSource;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.G711Codec;
import org.parley.media.ffmpeg.G722Codec;
import org.parley.media.quality.CodecImpairment;
import org.parley.media.rtp.RtpPacket;
import org.parley.media.rtp.RtpPacketParser;
import org.parley.media.rtp.RtpSessionConfig;

/** RTP timestamps follow the sampling instant, also over capture the microphone dropped. */
@Timeout(30)
class AudioStreamTimestampTest {

  private static final int PACKETS = 25;

  /** A microphone that drops {@code dropMillis} of backlog just before its tenth frame. */
  private static final class DroppingSource implements AudioSource {
    private final int rateHz;
    private final int dropMillis;
    private int reads;
    private volatile long dropped;

    DroppingSource(int rateHz, int dropMillis) {
      this.rateHz = rateHz;
      this.dropMillis = dropMillis;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public int read(short[] frame) {
      // Counted per 20 ms of this source's samples, however a resampler splits its reads.
      reads += frame.length;
      if (dropped == 0 && reads > 9 * rateHz / 50) {
        dropped = (long) rateHz * dropMillis / 1000;
      }
      Arrays.fill(frame, (short) 1000);
      return frame.length;
    }

    @Override
    public long droppedSamples() {
      return dropped;
    }
  }

  private static final class Discard implements AudioSink {
    private final int rateHz;

    Discard(int rateHz) {
      this.rateHz = rateHz;
    }

    @Override
    public int sampleRateHz() {
      return rateHz;
    }

    @Override
    public void write(short[] frame, int sampleCount) {}
  }

  private static List<RtpPacket> send(AudioCodec codec, int payloadType, AudioSource source)
      throws Exception {
    try (DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      peer.setSoTimeout(5_000);
      AudioStreamSettings settings =
          new AudioStreamSettings(codec, payloadType, 20, -1, CodecImpairment.G711_PLC);
      RtpSessionConfig config =
          RtpSessionConfig.builder()
              .rtcpMux(true)
              .remoteRtp(new InetSocketAddress(peer.getLocalAddress(), peer.getLocalPort()))
              .build();
      List<RtpPacket> packets = new ArrayList<>();
      try (AudioStream stream =
          AudioStream.start(
              settings,
              config,
              source,
              new Discard(codec.sampleRateHz()),
              AudioStream.quietListener())) {
        byte[] buffer = new byte[1500];
        while (packets.size() < PACKETS) {
          DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
          peer.receive(datagram);
          RtpPacket packet = RtpPacketParser.parse(buffer, 0, datagram.getLength());
          if (packet.payloadType() == payloadType) { // RTCP shares the port (rtcp-mux)
            packets.add(packet);
          }
        }
      }
      return packets;
    }
  }

  /** Timestamp steps between consecutive packets, in RTP ticks. */
  private static List<Long> steps(List<RtpPacket> packets) {
    List<Long> steps = new ArrayList<>();
    for (int i = 1; i < packets.size(); i++) {
      steps.add((packets.get(i).timestamp() - packets.get(i - 1).timestamp()) & 0xFFFF_FFFFL);
    }
    return steps;
  }

  @Test
  void aDroppedBacklogMakesTheNextTimestampJumpByItsLength() throws Exception {
    List<RtpPacket> packets = send(G711Codec.PCMU, 0, new DroppingSource(8_000, 300));

    List<Long> steps = steps(packets);
    // 20 ms is 160 ticks at 8 kHz; the tenth packet is 300 ms (2,400 ticks) later still.
    assertThat(steps.get(8)).isEqualTo(160L + 2_400L);
    steps.remove(8);
    assertThat(steps).containsOnly(160L);
    assertThat(packets.get(9).marker()).isTrue();
    assertThat(packets.subList(1, 9)).noneMatch(RtpPacket::marker);
    assertThat(packets.subList(10, PACKETS)).noneMatch(RtpPacket::marker);
    // Sequence numbers stay consecutive: nothing was lost on the wire.
    for (int i = 1; i < PACKETS; i++) {
      assertThat(packets.get(i).sequenceNumber())
          .isEqualTo((packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
    }
  }

  @Test
  void aDropAtTheDevicesRateStepsG722sEightKilohertzClock() throws Exception {
    // A 48 kHz microphone resampled to G.722's 16 kHz, whose RTP clock runs at 8 kHz (RFC 3551).
    List<RtpPacket> packets = send(new G722Codec(), 9, new DroppingSource(48_000, 300));

    List<Long> steps = steps(packets);
    long jumps = steps.stream().filter(step -> step != 160L).count();
    assertThat(jumps).isEqualTo(1);
    assertThat(steps).contains(160L + 2_400L);
  }

  @Test
  void aSourceThatDropsNothingKeepsTheTimestampsEvenlySpaced() throws Exception {
    List<RtpPacket> packets = send(G711Codec.PCMU, 0, new DroppingSource(8_000, 0));

    assertThat(steps(packets)).containsOnly(160L);
    assertThat(packets.subList(1, PACKETS)).noneMatch(RtpPacket::marker);
  }
}

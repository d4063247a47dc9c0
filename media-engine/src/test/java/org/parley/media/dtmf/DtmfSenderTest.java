package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.parley.media.rtp.RtpPacket;

class DtmfSenderTest {

  private static final int PT = 101;
  private static final long SSRC = 0x11223344L;

  private final AtomicInteger sequence = new AtomicInteger(65534);
  private final DtmfSender sender = new DtmfSender(PT, SSRC, 8000, 20, sequence::getAndIncrement);

  /** Polls every 20 ms (160 ticks) from timestamp {@code start} until idle. */
  private List<RtpPacket> drain(long start, int maxPolls) {
    List<RtpPacket> packets = new ArrayList<>();
    for (int i = 0; i < maxPolls; i++) {
      packets.addAll(sender.poll(start + 160L * i));
    }
    return packets;
  }

  private static TelephoneEvent event(RtpPacket packet) {
    return TelephoneEvent.decode(packet.payload(), 0, packet.payload().length).get(0);
  }

  @Test
  void aDigitIsAMarkedStartGrowingUpdatesAndThreeEndPackets() {
    sender.send('5', 100);
    assertThat(sender.isActive()).isTrue();
    List<RtpPacket> packets = drain(8000, 10);

    assertThat(packets).hasSize(7);
    assertThat(packets).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(8000));
    assertThat(packets).allSatisfy(p -> assertThat(p.payloadType()).isEqualTo(PT));
    assertThat(packets).allSatisfy(p -> assertThat(p.ssrc()).isEqualTo(SSRC));
    assertThat(packets)
        .extracting(RtpPacket::marker)
        .containsExactly(true, false, false, false, false, false, false);
    assertThat(packets)
        .extracting(RtpPacket::sequenceNumber)
        .containsExactly(65534, 65535, 0, 1, 2, 3, 4);
    assertThat(packets)
        .extracting(p -> event(p).durationTicks())
        .containsExactly(160, 320, 480, 640, 800, 800, 800);
    assertThat(packets)
        .extracting(p -> event(p).end())
        .containsExactly(false, false, false, false, true, true, true);
    assertThat(packets).extracting(p -> event(p).event()).containsOnly(5);
    assertThat(packets).extracting(p -> event(p).volume()).containsOnly(10);
    assertThat(packets.get(0).payload()).containsExactly(0x05, 0x0a, 0x00, 0xa0);
    assertThat(packets.get(6).payload()).containsExactly(0x05, 0x8a, 0x03, 0x20);
    assertThat(sender.isActive()).isFalse();
  }

  @Test
  void queuedDigitsFollowEachOtherWithNewTimestampsAfterAGap() {
    sender.send('1', 40);
    sender.send('#', 40, 20);
    List<RtpPacket> packets = drain(0, 10);

    // '1': start (160), end x3 (320) at t=0; one idle poll; '#': start, end x3 at t=480.
    assertThat(packets).hasSize(8);
    assertThat(packets.subList(0, 4)).allSatisfy(p -> assertThat(p.timestamp()).isZero());
    assertThat(packets.subList(4, 8)).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(480));
    assertThat(packets.get(4).marker()).isTrue();
    assertThat(event(packets.get(4))).isEqualTo(new TelephoneEvent(11, false, 20, 160));
    assertThat(event(packets.get(7))).isEqualTo(new TelephoneEvent(11, true, 20, 320));
  }

  @Test
  void aDigitShorterThanOneIntervalIsOnlyEndPacketsTheFirstMarked() {
    sender.send('7', 10);
    List<RtpPacket> packets = drain(0, 3);

    assertThat(packets).hasSize(3);
    assertThat(packets).extracting(RtpPacket::marker).containsExactly(true, false, false);
    assertThat(packets).extracting(p -> event(p).durationTicks()).containsOnly(80);
    assertThat(packets).extracting(p -> event(p).end()).containsOnly(true);
  }

  @Test
  void timestampsWrapAroundLikeRtp() {
    sender.send('0', 40);
    assertThat(drain(0x1_0000_0010L, 3)).allSatisfy(p -> assertThat(p.timestamp()).isEqualTo(0x10));
  }

  @Test
  void invalidRequestsAreRejectedUpFront() {
    assertThatThrownBy(() -> sender.send('x', 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.send('1', 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.send('1', 9000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.send('1', 100, 64))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(sender.isActive()).isFalse();
  }
}

package org.parley.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.rtp.RtpPacket;

class DtmfReceiverTest {

  private final DtmfReceiver receiver = new DtmfReceiver();

  /** What a {@link DtmfSender} puts on the wire for {@code digits}, 100 ms each, 50 ms updates. */
  private static List<RtpPacket> wire(String digits) {
    AtomicInteger sequence = new AtomicInteger(1000);
    DtmfSender sender = new DtmfSender(101, 42, 8000, 50, sequence::getAndIncrement);
    for (char digit : digits.toCharArray()) {
      sender.send(digit, 100);
    }
    List<RtpPacket> packets = new ArrayList<>();
    for (int i = 0; i < 20 * digits.length(); i++) {
      packets.addAll(sender.poll(4_294_960_000L + 400L * i)); // wraps during the test
    }
    return packets;
  }

  private String receiveAll(List<RtpPacket> packets) {
    return packets.stream()
        .flatMap(p -> receiver.receive(p).stream())
        .map(d -> String.valueOf(d.digit()))
        .collect(Collectors.joining());
  }

  @Test
  void eachDigitIsReportedOnceDespiteThreeEndPackets() {
    List<RtpPacket> packets = wire("123#");
    List<ReceivedDigit> digits = new ArrayList<>();
    for (RtpPacket p : packets) {
      digits.addAll(receiver.receive(p));
    }

    assertThat(digits).extracting(ReceivedDigit::digit).containsExactly('1', '2', '3', '#');
    assertThat(digits).allSatisfy(d -> assertThat(d.ended()).isTrue());
    assertThat(digits).allSatisfy(d -> assertThat(d.durationTicks()).isEqualTo(800));
    assertThat(digits).allSatisfy(d -> assertThat(d.volume()).isEqualTo(10));
  }

  @Test
  void aDigitWhoseEndPacketsAreAllLostIsReportedWhenTheNextBegins() {
    List<RtpPacket> packets = new ArrayList<>(wire("47"));
    // '4' is a start packet (400 ticks) and three end packets: drop the ends.
    packets.subList(1, 4).clear();
    List<ReceivedDigit> digits = new ArrayList<>();
    for (RtpPacket p : packets) {
      digits.addAll(receiver.receive(p));
    }

    assertThat(digits).extracting(ReceivedDigit::digit).containsExactly('4', '7');
    assertThat(digits.get(0).ended()).isFalse();
    assertThat(digits.get(0).durationTicks()).isEqualTo(400);
    assertThat(digits.get(1).ended()).isTrue();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void digitsSurviveReorderingWithinAnEventAndLossOfSomePackets(long seed) {
    Random random = new Random(seed);
    List<RtpPacket> packets = wire("0123456789*#ABCD");
    // Shuffle the packets of each event among themselves and lose about a quarter, but keep
    // at least one packet of each event.
    List<RtpPacket> impaired = new ArrayList<>();
    int from = 0;
    while (from < packets.size()) {
      int to = from;
      while (to < packets.size() && packets.get(to).timestamp() == packets.get(from).timestamp()) {
        to++;
      }
      List<RtpPacket> event = new ArrayList<>(packets.subList(from, to));
      Collections.shuffle(event, random);
      impaired.add(event.get(0));
      event.subList(1, event.size()).stream()
          .filter(p -> random.nextInt(4) != 0)
          .forEach(impaired::add);
      from = to;
    }

    assertThat(receiveAll(impaired)).isEqualTo("0123456789*#ABCD");
  }

  @Test
  void aStalePacketOfAnEarlierEventIsIgnored() {
    List<RtpPacket> packets = new ArrayList<>(wire("12"));
    RtpPacket firstOfOne = packets.get(0);
    packets.add(firstOfOne); // arrives again after '2' began and ended

    assertThat(receiveAll(packets)).isEqualTo("12");
  }

  @Test
  void malformedPayloadsAreDroppedAndCounted() {
    RtpPacket bad = RtpPacket.of(101, true, 1, 0, 42, new byte[] {1, 2, 3});
    RtpPacket empty = RtpPacket.of(101, true, 2, 0, 42, new byte[0]);

    assertThat(receiver.receive(bad)).isEmpty();
    assertThat(receiver.receive(empty)).isEmpty();
    assertThat(receiver.malformedPackets()).isEqualTo(2);
    assertThat(receiveAll(wire("9"))).isEqualTo("9");
  }

  @Test
  void flushReportsADigitWhoseEndNeverCameOnlyOnce() {
    List<RtpPacket> packets = wire("8");
    receiver.receive(packets.get(0)); // the start only; the end packets are late

    assertThat(receiver.flush()).extracting(ReceivedDigit::digit).containsExactly('8');
    assertThat(receiver.flush()).isEmpty();
    assertThat(receiveAll(packets.subList(1, packets.size()))).isEmpty();
  }
}

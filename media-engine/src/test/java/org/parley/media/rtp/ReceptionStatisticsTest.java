package org.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parley.media.rtcp.ReportBlock;

class ReceptionStatisticsTest {

  static final long MS = 1_000_000;

  /** Feeds sequence numbers with 20 ms timestamps (160 units at 8 kHz), arriving on time. */
  private static boolean feed(ReceptionStatistics stats, int sequence) {
    return stats.onPacket(sequence, (sequence * 160L) & 0xFFFF_FFFFL, sequence * 20 * MS);
  }

  private static ReceptionStatistics startedAt(int firstSequence) {
    ReceptionStatistics stats = new ReceptionStatistics(0xABCDL, 8000, firstSequence);
    feed(stats, firstSequence);
    return stats;
  }

  @Test
  void aSourceIsValidOnlyAfterTwoSequentialPackets() {
    ReceptionStatistics stats = new ReceptionStatistics(1, 8000, 100);

    assertThat(feed(stats, 100)).isFalse(); // probation
    assertThat(stats.received()).isZero();
    assertThat(stats.expected()).isZero();
    assertThat(feed(stats, 101)).isTrue(); // init_seq(101): base 101, received 1
    assertThat(stats.received()).isEqualTo(1);
    assertThat(stats.expected()).isEqualTo(1);
  }

  @Test
  void aNonSequentialSecondPacketRestartsProbation() {
    ReceptionStatistics stats = startedAt(100);

    assertThat(feed(stats, 105)).isFalse(); // not 101: probation again from 105
    assertThat(feed(stats, 106)).isTrue();
    assertThat(stats.expected()).isEqualTo(1); // base 106
  }

  @Test
  void lossIsExpectedMinusReceivedAndFractionIsPerInterval() {
    ReceptionStatistics stats = startedAt(100);
    for (int seq = 101; seq <= 110; seq++) {
      if (seq != 105) {
        feed(stats, seq);
      }
    }
    // base 101, highest 110: expected 10, received 9, lost 1.
    assertThat(stats.expected()).isEqualTo(10);
    assertThat(stats.cumulativeLost()).isEqualTo(1);
    ReportBlock first = stats.reportBlock(0, 0);
    assertThat(first.fractionLost()).isEqualTo(25); // (1 << 8) / 10 = 25.6 -> 25
    assertThat(first.cumulativeLost()).isEqualTo(1);
    assertThat(first.extendedHighestSequence()).isEqualTo(110);

    for (int seq = 111; seq <= 120; seq++) {
      feed(stats, seq);
    }
    assertThat(stats.reportBlock(0, 0).fractionLost()).isZero(); // nothing lost this interval

    for (int seq = 121; seq <= 130; seq++) {
      if (seq % 4 != 0) { // drops 124 and 128: 2 lost
        feed(stats, seq);
      }
    }
    ReportBlock third = stats.reportBlock(0, 0);
    assertThat(third.fractionLost()).isEqualTo(51); // (2 << 8) / 10 = 51.2 -> 51
    assertThat(third.cumulativeLost()).isEqualTo(3);
  }

  @Test
  void sequenceWrapAddsACycle() {
    ReceptionStatistics stats = startedAt(65534);
    feed(stats, 65535); // base 65535
    feed(stats, 0);
    feed(stats, 1);

    assertThat(stats.extendedHighestSequence()).isEqualTo(65536 + 1);
    assertThat(stats.expected()).isEqualTo(3);
    assertThat(stats.cumulativeLost()).isZero();
  }

  @Test
  void aLargeJumpIsIgnoredUnlessTheNextPacketConfirmsARestart() {
    ReceptionStatistics stats = startedAt(10);
    for (int seq = 11; seq <= 20; seq++) {
      feed(stats, seq);
    }
    assertThat(feed(stats, 30_000)).isFalse(); // a stray: bad_seq = 30001
    assertThat(feed(stats, 21)).isTrue();
    assertThat(stats.expected()).isEqualTo(11); // 11..21
    assertThat(stats.cumulativeLost()).isZero();

    assertThat(feed(stats, 40_000)).isFalse();
    assertThat(feed(stats, 40_001)).isTrue(); // the sender restarted: init_seq(40001)
    assertThat(stats.expected()).isEqualTo(1);
    assertThat(stats.received()).isEqualTo(1);
  }

  @Test
  void duplicatesCountAsReceivedSoLossCanGoNegative() {
    ReceptionStatistics stats = startedAt(1);
    feed(stats, 2);
    feed(stats, 3);
    feed(stats, 3);

    assertThat(stats.cumulativeLost()).isEqualTo(-1); // expected 2, received 3
    ReportBlock block = stats.reportBlock(0, 0);
    assertThat(block.cumulativeLost()).isEqualTo(-1);
    assertThat(block.fractionLost()).isZero(); // a negative interval loss reports as 0
  }

  @Test
  void reorderedPacketsAreNotLost() {
    ReceptionStatistics stats = startedAt(1);
    feed(stats, 2);
    feed(stats, 4);
    feed(stats, 3);

    assertThat(stats.extendedHighestSequence()).isEqualTo(4);
    assertThat(stats.cumulativeLost()).isZero();
  }

  @Test
  void jitterFollowsTheA8Estimator() {
    ReceptionStatistics stats = new ReceptionStatistics(1, 8000, 1);
    stats.onPacket(1, 0, 0); // probation: no jitter
    stats.onPacket(2, 160, 20 * MS); // transit origin
    stats.onPacket(3, 320, 45 * MS); // 5 ms late: D = 40 units, J = 40 / 16 = 2.5
    assertThat(stats.jitterTimestampUnits()).isCloseTo(2.5, within(1e-9));
    stats.onPacket(4, 480, 60 * MS); // on time again: D = 40, J = 2.5 + 37.5 / 16 = 4.84375
    assertThat(stats.jitterTimestampUnits()).isCloseTo(4.84375, within(1e-9));
    assertThat(stats.jitterMillis()).isCloseTo(4.84375 / 8, within(1e-9));
    assertThat(stats.reportBlock(0, 0).interarrivalJitter()).isEqualTo(5);
  }

  @Test
  void steadyArrivalsHaveNoJitter() {
    ReceptionStatistics stats = startedAt(1);
    for (int seq = 2; seq < 100; seq++) {
      feed(stats, seq);
    }
    assertThat(stats.jitterTimestampUnits()).isZero();
  }

  @Test
  void aTimestampWrapIsNotJitter() {
    ReceptionStatistics stats = new ReceptionStatistics(1, 8000, 1);
    stats.onPacket(1, 0xFFFF_FEC0L, 0);
    stats.onPacket(2, 0xFFFF_FF60L, 20 * MS);
    stats.onPacket(3, 0, 40 * MS); // timestamp wrapped, arrival on time

    assertThat(stats.jitterTimestampUnits()).isZero();
  }

  @Test
  void lsrAndDlsrArePassedIntoTheBlock() {
    ReceptionStatistics stats = startedAt(1);
    feed(stats, 2);

    ReportBlock block = stats.reportBlock(0xB7052000L, 0x54000L);

    assertThat(block.ssrc()).isEqualTo(0xABCDL);
    assertThat(block.lastSenderReport()).isEqualTo(0xB7052000L);
    assertThat(block.delaySinceLastSenderReport()).isEqualTo(0x54000L);
  }
}

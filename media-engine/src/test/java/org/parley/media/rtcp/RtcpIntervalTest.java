package org.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RtcpIntervalTest {

  // 80 kbit/s session: RTCP gets 5 % = 4000 bit/s = 500 bytes/s.
  static final double RTCP_BYTES_PER_SECOND = 500;

  @Test
  void twoPartyCallUsesTheFiveSecondMinimum() {
    // senders 1 > members 2 * 1/4, so no split: C = 100 bytes / 500 B/s, n = 2 -> 0.4 s < 5 s.
    assertThat(RtcpInterval.deterministicSeconds(2, 1, RTCP_BYTES_PER_SECOND, true, 100, false, 5))
        .isEqualTo(5.0);
  }

  @Test
  void theFirstReportUsesHalfTheMinimum() {
    assertThat(RtcpInterval.deterministicSeconds(2, 1, RTCP_BYTES_PER_SECOND, true, 100, true, 5))
        .isEqualTo(2.5);
  }

  @Test
  void receiversShareThreeQuartersWhenSendersAreFew() {
    // 100 members, 1 sender <= 25: a receiver gets 375 B/s shared by 99: 100 * 99 / 375 = 26.4 s.
    assertThat(
            RtcpInterval.deterministicSeconds(100, 1, RTCP_BYTES_PER_SECOND, false, 100, false, 5))
        .isCloseTo(26.4, within(1e-9));
    // The one sender gets 125 B/s to itself: 100 / 125 = 0.8 s, below the minimum.
    assertThat(
            RtcpInterval.deterministicSeconds(100, 1, RTCP_BYTES_PER_SECOND, true, 100, false, 5))
        .isEqualTo(5.0);
  }

  @Test
  void aReducedMinimumApplies() {
    assertThat(
            RtcpInterval.deterministicSeconds(2, 1, RTCP_BYTES_PER_SECOND, true, 100, false, 0.05))
        .isCloseTo(0.4, within(1e-9));
  }

  @Test
  void randomisationSpansHalfToOneAndAHalfTimesDividedByEMinusThreeHalves() {
    RandomGenerator lowest = () -> 0L; // nextDouble() == 0.0
    RandomGenerator highest = () -> -1L; // nextDouble() just below 1.0

    // 5 s * 0.5 / 1.2182818 = 2.0521 s; 5 s * 1.5 / 1.2182818 = 6.1562 s.
    assertThat(RtcpInterval.randomisedNanos(5, lowest) / 1e9).isCloseTo(2.0521, within(1e-4));
    assertThat(RtcpInterval.randomisedNanos(5, highest) / 1e9).isCloseTo(6.1562, within(1e-4));
  }
}

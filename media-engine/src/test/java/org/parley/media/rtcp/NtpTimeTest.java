package org.parley.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NtpTimeTest {

  @Test
  void theUnixEpochIs2208988800SecondsIntoTheNtpEra() {
    assertThat(NtpTime.fromEpochNanos(0)).isEqualTo(0x83AA7E80_00000000L);
    assertThat(NtpTime.fromEpochNanos(1_500_000_000L)).isEqualTo(0x83AA7E81_80000000L);
  }

  @Test
  void middle32TakesSixteenBitsEitherSideOfThePoint() {
    assertThat(NtpTime.middle32(0x83AA7E81_80000000L)).isEqualTo(0x7E818000L);
  }

  @Test
  void roundTripFollowsTheExampleOfRfc3550Section641() {
    // A = 0xb710:8000 (46864.5 s), LSR = 0xb705:2000 (46853.125 s), DLSR = 0x0005:4000 (5.25 s).
    long units = NtpTime.roundTripUnits(0xB7108000L, 0xB7052000L, 0x00054000L);

    // 46864.5 - 46853.125 - 5.25 = 6.125 s = 6.125 * 65536 units.
    assertThat(units).isEqualTo(401_408);
    assertThat(NtpTime.unitsToMillis(units)).isCloseTo(6125.0, within(1e-9));
  }

  @Test
  void roundTripSurvivesTheMiddleWordWrapping() {
    // LSR just before the wrap, A just after: 0x10000 + 0x0100 - 0xFFFF_FF00 = 0x10200 units.
    assertThat(NtpTime.roundTripUnits(0x00000100L, 0xFFFFFF00L, 0)).isEqualTo(0x200);
  }

  @Test
  void noLsrOrAnImpossibleDelayGivesNoRoundTrip() {
    assertThat(NtpTime.roundTripUnits(0xB7108000L, 0, 0)).isEqualTo(-1);
    assertThat(NtpTime.roundTripUnits(0x00010000L, 0x00010000L, 0x100)).isEqualTo(-1);
    // One unit below zero is truncation of the three fields, not a real negative delay.
    assertThat(NtpTime.roundTripUnits(0x00010000L, 0x00010000L, 1)).isZero();
  }

  @Test
  void dlsrUnitsAreSixtyFiveThousandFiveHundredThirtySixthsOfASecond() {
    assertThat(NtpTime.nanosToUnits(5_250_000_000L)).isEqualTo(0x54000);
    assertThat(NtpTime.nanosToUnits(-5)).isZero();
  }
}

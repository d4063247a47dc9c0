package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpusParametersTest {

  @Test
  void readsTheRfc7587Example() {
    // RFC 7587 §7, the offer's fmtp line after "a=fmtp:96 ".
    OpusParameters p =
        OpusParameters.parse(
            "maxplaybackrate=16000; sprop-maxcapturerate=16000; maxaveragebitrate=20000;"
                + " stereo=1; useinbandfec=1; usedtx=0");

    assertThat(p.maxPlaybackRateHz()).isEqualTo(16_000);
    assertThat(p.spropMaxCaptureRateHz()).isEqualTo(16_000);
    assertThat(p.maxAverageBitrateBps()).hasValue(20_000);
    assertThat(p.stereo()).isTrue();
    assertThat(p.spropStereo()).isFalse();
    assertThat(p.cbr()).isFalse();
    assertThat(p.useInbandFec()).isTrue();
    assertThat(p.useDtx()).isFalse();
    assertThat(p.minPtimeMillis()).isEmpty();
  }

  @Test
  void anEmptyLineMeansEveryDefault() {
    assertThat(OpusParameters.parse("")).isEqualTo(OpusParameters.DEFAULTS);
    assertThat(OpusParameters.DEFAULTS.maxPlaybackRateHz()).isEqualTo(48_000);
    assertThat(OpusParameters.DEFAULTS.spropMaxCaptureRateHz()).isEqualTo(48_000);
    assertThat(OpusParameters.DEFAULTS.format()).isEmpty();
  }

  @Test
  void namesAreCaseInsensitiveAndSpacingIsFree() {
    OpusParameters p = OpusParameters.parse("  UseInbandFEC = 1 ;minptime=10;CBR=1  ");
    assertThat(p.useInbandFec()).isTrue();
    assertThat(p.cbr()).isTrue();
    assertThat(p.minPtimeMillis()).hasValue(10);
  }

  @Test
  void unknownNamesAndNonNumbersAreIgnoredAndRangesClamped() {
    OpusParameters p =
        OpusParameters.parse(
            "foo=bar; stereo=yes; maxplaybackrate=96000; sprop-maxcapturerate=4000;"
                + " maxaveragebitrate=1000000; minptime=0; usedtx; =1; useinbandfec=2");
    assertThat(p.stereo()).isFalse();
    assertThat(p.maxPlaybackRateHz()).isEqualTo(48_000);
    assertThat(p.spropMaxCaptureRateHz()).isEqualTo(8_000);
    assertThat(p.maxAverageBitrateBps()).hasValue(510_000);
    assertThat(p.minPtimeMillis()).isEmpty();
    assertThat(p.useDtx()).isFalse();
    assertThat(p.useInbandFec()).isFalse();
  }

  @Test
  void formatsOnlyWhatDiffersFromTheDefaultsInRfcOrder() {
    OpusParameters p =
        new OpusParameters(
            16_000,
            24_000,
            OptionalInt.of(24_000),
            true,
            true,
            true,
            true,
            true,
            OptionalInt.of(10));
    assertThat(p.format())
        .isEqualTo(
            "maxplaybackrate=16000; sprop-maxcapturerate=24000; maxaveragebitrate=24000;"
                + " stereo=1; sprop-stereo=1; cbr=1; useinbandfec=1; usedtx=1; minptime=10");
    assertThat(OpusParameters.parse(p.format())).isEqualTo(p);
  }
}

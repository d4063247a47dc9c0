package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OpusNegotiationTest {

  private static final OpusEncoderSettings LOCAL =
      OpusEncoderSettings.voipDefaults().withInbandFec(true, 10).withDtx(true).withChannels(2);

  @Test
  void aPeerWithDefaultParametersGetsMonoWithoutFecOrDtx() {
    OpusEncoderSettings s =
        OpusNegotiation.encoderSettings(LOCAL, OpusParameters.DEFAULTS, OptionalInt.empty());
    assertThat(s.channels()).isEqualTo(1);
    assertThat(s.inbandFec()).isFalse();
    assertThat(s.dtx()).isFalse();
    assertThat(s.cbr()).isFalse();
    assertThat(s.bitrateBps()).isEqualTo(32_000);
    assertThat(s.frameMillis()).isEqualTo(20);
    assertThat(s.maxPlaybackRateHz()).isEqualTo(48_000);
  }

  @Test
  void thePeersWishesAreFollowedWhereWeAllowThem() {
    OpusParameters remote =
        OpusParameters.parse(
            "maxplaybackrate=16000; maxaveragebitrate=20000; stereo=1; cbr=1; useinbandfec=1;"
                + " usedtx=1");
    OpusEncoderSettings s = OpusNegotiation.encoderSettings(LOCAL, remote, OptionalInt.empty());
    assertThat(s.bitrateBps()).isEqualTo(20_000);
    assertThat(s.maxPlaybackRateHz()).isEqualTo(16_000);
    assertThat(s.channels()).isEqualTo(2);
    assertThat(s.cbr()).isTrue();
    assertThat(s.inbandFec()).isTrue();
    assertThat(s.expectedLossPercent()).isEqualTo(10);
    assertThat(s.dtx()).isTrue();
  }

  @Test
  void fecAndDtxStayOffWhenWeDoNotAllowThemEvenIfThePeerAsks() {
    OpusParameters remote = OpusParameters.parse("useinbandfec=1; usedtx=1; stereo=1");
    OpusEncoderSettings s =
        OpusNegotiation.encoderSettings(
            OpusEncoderSettings.voipDefaults(), remote, OptionalInt.empty());
    assertThat(s.inbandFec()).isFalse();
    assertThat(s.dtx()).isFalse();
    assertThat(s.channels()).isEqualTo(1);
  }

  @Test
  void aHigherPeerBitrateLimitDoesNotRaiseOurs() {
    OpusParameters remote = OpusParameters.parse("maxaveragebitrate=128000");
    assertThat(OpusNegotiation.encoderSettings(LOCAL, remote, OptionalInt.empty()).bitrateBps())
        .isEqualTo(32_000);
  }

  @Test
  void packetDurationFollowsPtimeAndMinptime() {
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.of(30), OptionalInt.empty()))
        .isEqualTo(20);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.of(40), OptionalInt.empty()))
        .isEqualTo(40);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.of(120), OptionalInt.empty()))
        .isEqualTo(60);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.of(5), OptionalInt.empty()))
        .isEqualTo(10);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.empty(), OptionalInt.of(30)))
        .isEqualTo(40);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.of(10), OptionalInt.of(20)))
        .isEqualTo(20);
    assertThat(OpusNegotiation.frameMillis(20, OptionalInt.empty(), OptionalInt.of(100)))
        .isEqualTo(60);
    assertThat(OpusNegotiation.frameMillis(40, OptionalInt.empty(), OptionalInt.of(10)))
        .isEqualTo(40);
  }

  @Test
  void ourParametersDoNotPromiseFecOurDecoderCannotUse() {
    OpusParameters offered = OpusNegotiation.localParameters(LOCAL, 48_000, 16_000, false);
    assertThat(offered.useInbandFec()).isFalse();
    assertThat(offered.format())
        .isEqualTo("sprop-maxcapturerate=16000; sprop-stereo=1; usedtx=1; minptime=10");
    assertThat(OpusNegotiation.localParameters(LOCAL, 16_000, 16_000, true).format())
        .isEqualTo(
            "maxplaybackrate=16000; sprop-maxcapturerate=16000; sprop-stereo=1; useinbandfec=1;"
                + " usedtx=1; minptime=10");
  }
}

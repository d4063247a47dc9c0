package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpusTocTest {

  @ParameterizedTest(name = "TOC 0x{0}: config {1}, {2}, {3} us, stereo {4}, code {5}")
  @CsvSource({
    // RFC 6716 Table 2: configs 0-11 SILK, 12-15 hybrid, 16-31 CELT.
    "48, 9, SILK, 20000, false, 0",
    "00, 0, SILK, 10000, false, 0",
    "1B, 3, SILK, 60000, false, 3",
    "78, 15, HYBRID, 20000, false, 0",
    "60, 12, HYBRID, 10000, false, 0",
    "B8, 23, CELT, 20000, false, 0",
    "FD, 31, CELT, 20000, true, 1",
    "80, 16, CELT, 2500, false, 0"
  })
  void decodesTheTableOfContents(
      String hex, int config, OpusToc.Mode mode, int micros, boolean stereo, int code) {
    byte toc = (byte) Integer.parseInt(hex, 16);
    assertThat(OpusToc.config(toc)).isEqualTo(config);
    assertThat(OpusToc.mode(toc)).isEqualTo(mode);
    assertThat(OpusToc.frameDurationMicros(toc)).isEqualTo(micros);
    assertThat(OpusToc.stereo(toc)).isEqualTo(stereo);
    assertThat(OpusToc.frameCountCode(toc)).isEqualTo(code);
    assertThat(OpusToc.samplesPerFrame(toc, 48_000)).isEqualTo(micros * 48 / 1000);
  }

  @ParameterizedTest(name = "config {0} codes {1} Hz of audio")
  @CsvSource({
    "0, 4000",
    "3, 4000",
    "4, 6000",
    "8, 8000",
    "11, 8000",
    "12, 12000",
    "13, 12000",
    "14, 20000",
    "15, 20000",
    "16, 4000",
    "20, 8000",
    "24, 12000",
    "28, 20000",
    "31, 20000"
  })
  void bandwidthFollowsRfc6716Table2(int config, int bandwidthHz) {
    assertThat(OpusToc.bandwidthHz((byte) (config << 3))).isEqualTo(bandwidthHz);
  }

  @ParameterizedTest
  @CsvSource({"4B, 48", "FF, FC", "49, 48"})
  void aLostFramePacketKeepsTheConfigurationWithOneEmptyFrame(String hex, String expected) {
    byte[] lost = OpusToc.lostFramePacket((byte) Integer.parseInt(hex, 16));
    assertThat(lost).containsExactly((byte) Integer.parseInt(expected, 16));
    assertThat(OpusToc.isDtx(lost.length)).isTrue();
    assertThat(OpusToc.isDtx(3)).isFalse();
  }
}

package org.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class G711Test {

  @ParameterizedTest(name = "µ-law 0x{0} decodes to {1}")
  @CsvSource({"00, -32124", "7F, 0", "80, 32124", "FF, 0", "0F, -16764", "7E, -8", "FE, 8"})
  void ulawDecodesToTheG711TableValue(String code, short linear) {
    assertThat(G711.ulawToLinear((byte) Integer.parseInt(code, 16))).isEqualTo(linear);
  }

  @ParameterizedTest(name = "A-law 0x{0} decodes to {1}")
  @CsvSource({"D5, 8", "55, -8", "AA, 32256", "2A, -32256", "80, 5504", "00, -5504"})
  void alawDecodesToTheG711TableValue(String code, short linear) {
    assertThat(G711.alawToLinear((byte) Integer.parseInt(code, 16))).isEqualTo(linear);
  }

  @Test
  void silenceEncodesToTheIdleCodes() {
    assertThat(G711.linearToUlaw((short) 0)).isEqualTo((byte) 0xFF);
    assertThat(G711.linearToAlaw((short) 0)).isEqualTo((byte) 0xD5);
  }

  @Test
  void fullScaleSaturatesInsteadOfWrapping() {
    assertThat(G711.linearToUlaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
    assertThat(G711.linearToUlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
    assertThat(G711.linearToAlaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
    assertThat(G711.linearToAlaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
  }

  @Test
  void everyCodeSurvivesDecodeThenEncode() {
    for (int code = 0; code < 256; code++) {
      byte alaw = (byte) code;
      assertThat(G711.linearToAlaw(G711.alawToLinear(alaw))).as("A-law %02X", code).isEqualTo(alaw);
      byte ulaw = (byte) code;
      // 0x7F is µ-law's negative zero; it decodes to 0, which encodes as positive zero 0xFF.
      byte expected = code == 0x7F ? (byte) 0xFF : ulaw;
      assertThat(G711.linearToUlaw(G711.ulawToLinear(ulaw)))
          .as("µ-law %02X", code)
          .isEqualTo(expected);
    }
  }

  @Test
  void quantisationErrorStaysWithinHalfAStepOfTheSegment() {
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample += 7) {
      short linear = (short) sample;
      int ulawError = Math.abs(G711.ulawToLinear(G711.linearToUlaw(linear)) - sample);
      int alawError = Math.abs(G711.alawToLinear(G711.linearToAlaw(linear)) - sample);
      // The largest segment spans 1024 (µ-law) and 1024 (A-law) linear units per step.
      int bound = Math.max(16, Math.abs(sample) / 16) + 1;
      assertThat(ulawError).as("µ-law error at %d", sample).isLessThanOrEqualTo(bound);
      assertThat(alawError).as("A-law error at %d", sample).isLessThanOrEqualTo(bound);
    }
  }

  @Test
  void decodingIsMonotonicInTheLinearDomain() {
    short previousU = Short.MIN_VALUE;
    short previousA = Short.MIN_VALUE;
    for (int sample = Short.MIN_VALUE; sample <= Short.MAX_VALUE; sample++) {
      short u = G711.ulawToLinear(G711.linearToUlaw((short) sample));
      short a = G711.alawToLinear(G711.linearToAlaw((short) sample));
      assertThat(u).isGreaterThanOrEqualTo(previousU);
      assertThat(a).isGreaterThanOrEqualTo(previousA);
      previousU = u;
      previousA = a;
    }
  }
}

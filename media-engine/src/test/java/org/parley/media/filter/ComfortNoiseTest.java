package org.parley.media.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.media.testing.Spectrum;

class ComfortNoiseTest {

  private static final int RATE = 8000;
  private static final int FRAME = 160;

  private final ComfortNoiseGenerator generator = new ComfortNoiseGenerator(RATE, 99);

  private static double dbfs(short[] x) {
    return 20 * Math.log10(Spectrum.rms(x, 0, x.length) / 32768);
  }

  private short[] generate(int samples) {
    short[] out = new short[samples];
    generator.generate(out, samples);
    return out;
  }

  private static short[] noiseAt(double dbfs, int samples, long seed) {
    Random random = new Random(seed);
    double rms = 32768 * Math.pow(10, dbfs / 20);
    short[] x = new short[samples];
    for (int i = 0; i < samples; i++) {
      x[i] = (short) Math.round(random.nextGaussian() * rms);
    }
    return x;
  }

  private void observe(short[] signal) {
    for (int f = 0; f + FRAME <= signal.length; f += FRAME) {
      short[] frame = java.util.Arrays.copyOfRange(signal, f, f + FRAME);
      generator.observe(frame, FRAME);
    }
  }

  @Test
  void generatedNoiseMatchesTheObservedBackgroundLevel() {
    observe(noiseAt(-50, RATE * 2, 1));

    assertThat(generator.levelDbov()).isCloseTo(-50, offset(1.5));
    assertThat(dbfs(generate(RATE))).isCloseTo(generator.levelDbov(), offset(0.5));
  }

  @Test
  void speechBarelyLiftsTheEstimateAndPausesBringItBackDown() {
    observe(noiseAt(-60, RATE, 2));
    double background = generator.levelDbov();
    observe(Spectrum.tone(300, RATE, 0.3, 0, RATE * 2)); // 2 s of loud "speech"

    assertThat(generator.levelDbov()).isBetween(background, background + 2.5);
    observe(noiseAt(-60, RATE / 2, 3));
    assertThat(generator.levelDbov()).isCloseTo(-60, offset(1.5));
  }

  @Test
  void aComfortNoisePacketSetsTheLevel() {
    generator.apply(ComfortNoisePayload.decode(new byte[] {64}, 0, 1));

    assertThat(generator.levelDbov()).isEqualTo(-64.0);
    assertThat(dbfs(generate(RATE))).isCloseTo(-64, offset(0.5));
    assertThat(generator.payload().encode()).containsExactly(64);
  }

  @Test
  void theNoiseIsNotATone() {
    generator.apply(ComfortNoisePayload.ofLevel(-40));
    short[] noise = generate(RATE);
    double total = 0;
    double strongest = 0;
    for (int hz = 100; hz < 4000; hz += 100) {
      double p = Spectrum.power(noise, 0, RATE, hz, RATE);
      total += p;
      strongest = Math.max(strongest, p);
    }
    assertThat(strongest / total).isLessThan(0.2);
  }

  @Test
  void payloadsRoundTripWithTheirSpectralBytes() {
    byte[] wire = HexFormat.of().parseHex("3e7f80a1");
    ComfortNoisePayload payload = ComfortNoisePayload.decode(wire, 0, wire.length);

    assertThat(payload.levelMinusDbov()).isEqualTo(62);
    assertThat(payload.levelDbov()).isEqualTo(-62.0);
    assertThat(payload.spectrum()).containsExactly(0x7f, 0x80, 0xa1);
    assertThat(payload.encode()).isEqualTo(wire);
  }

  @Test
  void malformedPayloadsAreRejected() {
    assertThatThrownBy(() -> ComfortNoisePayload.decode(new byte[0], 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> ComfortNoisePayload.decode(new byte[] {(byte) 0x80}, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("top bit");
  }

  @Test
  void levelsOutsideTheFieldAreClamped() {
    assertThat(ComfortNoisePayload.ofLevel(3).levelMinusDbov()).isZero();
    assertThat(ComfortNoisePayload.ofLevel(-200).levelMinusDbov()).isEqualTo(127);
  }
}

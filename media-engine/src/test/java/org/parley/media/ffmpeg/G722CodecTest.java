package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.CodecException;
import org.parley.media.testing.Spectrum;

class G722CodecTest {

  private static final int FRAME = 320;

  @Test
  void describesItselfAsRfc3551Says() {
    G722Codec codec = new G722Codec();
    assertThat(codec.encodingName()).isEqualTo("G722");
    assertThat(codec.staticPayloadType()).isEqualTo(9);
    assertThat(codec.clockRateHz()).isEqualTo(8_000);
    assertThat(codec.sampleRateHz()).isEqualTo(16_000);
    assertThat(codec.channels()).isEqualTo(1);
    assertThat(codec.frameSamples()).isEqualTo(320);
    assertThat(new G722Codec(30).frameSamples()).isEqualTo(480);
    assertThatThrownBy(() -> new G722Codec(25)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twentyMillisecondsAreThreeHundredTwentySamplesInOneHundredSixtyBytes() {
    AudioEncoder encoder = new G722Codec().newEncoder();
    AudioDecoder decoder = new G722Codec().newDecoder();
    try {
      byte[] payload = new byte[1_000];
      assertThat(encoder.encode(new short[FRAME], 0, FRAME, payload)).isEqualTo(160);
      assertThat(decoder.decode(payload, 0, 160, new short[FRAME])).isEqualTo(FRAME);
    } finally {
      encoder.close();
      decoder.close();
    }
  }

  @Test
  void aSequenceOfTonesSurvivesEncodeAndDecode() {
    double[] tones = {400, 800, 1200, 1600, 5000}; // 5 kHz lies in G.722's upper sub-band
    short[] input = Spectrum.toneSequence(16_000, 3_200, 12_000, tones);
    short[] output = new short[input.length];
    AudioEncoder encoder = new G722Codec().newEncoder();
    AudioDecoder decoder = new G722Codec().newDecoder();
    try {
      byte[] payload = new byte[1_000];
      for (int offset = 0; offset < input.length; offset += FRAME) {
        int length = encoder.encode(input, offset, FRAME, payload);
        short[] frame = new short[FRAME];
        assertThat(decoder.decode(payload, 0, length, frame)).isEqualTo(FRAME);
        System.arraycopy(frame, 0, output, offset, FRAME);
      }
    } finally {
      encoder.close();
      decoder.close();
    }
    for (int segment = 0; segment < tones.length; segment++) {
      int from = segment * 3_200 + 800;
      assertThat(Spectrum.dominantHz(output, from, 1_600, 16_000, 100, 7_500, 10))
          .as("segment %d", segment)
          .isCloseTo(tones[segment], within(10.0));
      assertThat(Spectrum.amplitude(output, from, 1_600, 16_000, tones[segment]))
          .isCloseTo(12_000, within(12_000 * 0.15));
    }
  }

  @Test
  void anyBytesDecodeToTwoSamplesEachWithoutCrashing() {
    AudioDecoder decoder = new G722Codec().newDecoder();
    try {
      Random random = new Random(3);
      short[] pcm = new short[2_000];
      for (int i = 0; i < 500; i++) {
        byte[] noise = new byte[1 + random.nextInt(400)];
        random.nextBytes(noise);
        assertThat(decoder.decode(noise, 0, noise.length, pcm)).isEqualTo(2 * noise.length);
      }
      assertThatThrownBy(() -> decoder.decode(new byte[0], 0, 0, pcm))
          .isInstanceOf(CodecException.class);
      assertThatThrownBy(() -> decoder.decode(new byte[1_001], 0, 1_001, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("more than the buffer holds");
    } finally {
      decoder.close();
    }
  }
}

package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.CodecException;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.opus.Libopus;
import org.parley.media.testing.Spectrum;

/**
 * What both Opus decoders do alike: FFmpeg's (the fallback) and the system libopus's (ADR 0032).
 */
class OpusDecoderContractTest {

  private static final int FRAME = 960;
  private static final double[] TONES_HZ = {400, 800, 1200, 1600};

  private static AudioDecoder decoder(String kind, int channels) {
    return switch (kind) {
      case "ffmpeg" -> new OpusDecoder(channels);
      case "libopus" -> Libopus.system().newDecoder(channels);
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffmpeg", "libopus"})
  void aSequenceOfTonesSurvivesEncodeAndDecode(String kind) {
    short[] input = Spectrum.toneSequence(48_000, 9_600, 12_000, TONES_HZ);
    short[] output;
    int lookahead;
    AudioDecoder decoder = decoder(kind, 1);
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder()) {
      output = roundTrip(encoder, decoder, input, 1);
      lookahead = encoder.lookaheadSamples();
    } finally {
      decoder.close();
    }
    assertThat(lookahead).isBetween(0, 480);
    for (int segment = 0; segment < TONES_HZ.length; segment++) {
      // The middle 100 ms of each 200 ms segment, shifted by the encoder's look-ahead.
      int from = segment * 9_600 + lookahead + 2_400;
      assertThat(Spectrum.dominantHz(output, from, 4_800, 48_000, 100, 4_000, 10))
          .as("segment %d", segment)
          .isCloseTo(TONES_HZ[segment], within(10.0));
      assertThat(Spectrum.rms(output, from, 4_800)).isGreaterThan(12_000 / Math.sqrt(2) * 0.7);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffmpeg", "libopus"})
  void stereoKeepsEachChannelsOwnTone(String kind) {
    OpusCodec codec =
        new OpusCodec(OpusEncoderSettings.voipDefaults().withChannels(2).withBitrateBps(64_000));
    short[] left = Spectrum.toneSequence(48_000, 19_200, 10_000, 500);
    short[] right = Spectrum.toneSequence(48_000, 19_200, 10_000, 1_500);
    short[] interleaved = new short[left.length * 2];
    for (int i = 0; i < left.length; i++) {
      interleaved[2 * i] = left[i];
      interleaved[2 * i + 1] = right[i];
    }
    short[] output;
    AudioDecoder decoder = decoder(kind, 2);
    try (OpusEncoder encoder = (OpusEncoder) codec.newEncoder()) {
      output = roundTrip(encoder, decoder, interleaved, 2);
    } finally {
      decoder.close();
    }
    short[] outLeft = Spectrum.channel(output, 2, 0);
    short[] outRight = Spectrum.channel(output, 2, 1);
    assertThat(Spectrum.dominantHz(outLeft, 9_600, 4_800, 48_000, 100, 4_000, 10))
        .isCloseTo(500, within(10.0));
    assertThat(Spectrum.dominantHz(outRight, 9_600, 4_800, 48_000, 100, 4_000, 10))
        .isCloseTo(1_500, within(10.0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffmpeg", "libopus"})
  void concealmentIsSilenceFirstThenContinuesTheToneAndFades(String kind) {
    short[] tone = Spectrum.toneSequence(48_000, 48_000 / 2, 10_000, 600);
    AudioDecoder decoder = decoder(kind, 1);
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder()) {
      short[] before = new short[FRAME];
      Arrays.fill(before, (short) 99);
      assertThat(decoder.conceal(before, FRAME)).isEqualTo(FRAME);
      assertThat(before).containsOnly((short) 0);

      roundTrip(encoder, decoder, tone, 1);
      short[] first = new short[FRAME];
      short[] later = new short[FRAME * 10];
      assertThat(decoder.conceal(first, FRAME)).isEqualTo(FRAME);
      assertThat(decoder.conceal(later, later.length)).isEqualTo(later.length);

      assertThat(Spectrum.dominantHz(first, 0, FRAME, 48_000, 100, 4_000, 50))
          .isCloseTo(600, within(50.0));
      assertThat(Spectrum.rms(first, 0, FRAME)).isGreaterThan(1_000);
      assertThat(Spectrum.rms(later, later.length - FRAME, FRAME))
          .isLessThan(Spectrum.rms(first, 0, FRAME) / 4);
    } finally {
      decoder.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffmpeg", "libopus"})
  void aDtxPacketDecodesAsConcealmentOfOneFrame(String kind) {
    AudioDecoder decoder = decoder(kind, 1);
    try (OpusEncoder encoder =
        new OpusCodec().newEncoder(OpusEncoderSettings.voipDefaults().withDtx(true))) {
      List<byte[]> packets = OpusCodecTest.encode(encoder, new short[FRAME * 25]);
      byte[] dtxPacket = packets.get(24);
      assertThat(dtxPacket).hasSize(1);
      short[] pcm = new short[FRAME * 6];
      decoder.decode(packets.get(0), 0, packets.get(0).length, pcm);
      assertThat(decoder.decode(dtxPacket, 0, 1, pcm)).isEqualTo(FRAME);
    } finally {
      decoder.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ffmpeg", "libopus"})
  void garbageIsRejectedWithACodecExceptionAndTheDecoderCarriesOn(String kind) {
    short[] pcm = new short[FRAME * 6];
    AudioDecoder decoder = decoder(kind, 1);
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder()) {
      byte[] invalid = {(byte) 0xFF, (byte) 0xFF, 1, 2, 3}; // code 3 with a frame count of 63
      assertThatThrownBy(() -> decoder.decode(invalid, 0, invalid.length, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageMatching("(?is).*opus.*");
      assertThatThrownBy(() -> decoder.decode(invalid, 0, 0, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("Empty");
      Random random = new Random(7);
      for (int i = 0; i < 2_000; i++) {
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        try {
          assertThat(decoder.decode(noise, 0, noise.length, pcm)).isBetween(0, pcm.length);
        } catch (CodecException expected) {
          // Either outcome is fine; a JVM crash or another exception type is not.
        }
      }
      List<byte[]> packets =
          OpusCodecTest.encode(encoder, Spectrum.toneSequence(48_000, FRAME, 8_000, 440));
      assertThat(decoder.decode(packets.get(0), 0, packets.get(0).length, pcm)).isEqualTo(FRAME);
    } finally {
      decoder.close();
    }
  }

  private static short[] roundTrip(
      AudioEncoder encoder, AudioDecoder decoder, short[] input, int channels) {
    int frame = FRAME * channels;
    short[] output = new short[input.length];
    byte[] payload = new byte[4_000];
    short[] decoded = new short[frame * 6];
    int written = 0;
    for (int offset = 0; offset + frame <= input.length; offset += frame) {
      int length = encoder.encode(input, offset, frame, payload);
      int count = decoder.decode(payload, 0, length, decoded);
      System.arraycopy(decoded, 0, output, written, count);
      written += count;
    }
    assertThat(written).isEqualTo(input.length);
    return output;
  }
}

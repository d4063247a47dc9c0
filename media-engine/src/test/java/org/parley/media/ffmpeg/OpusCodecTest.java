package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.CodecException;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.OpusLbrr;
import org.parley.media.codec.OpusToc;
import org.parley.media.opus.Libopus;
import org.parley.media.opus.LibopusDecoder;
import org.parley.media.testing.Spectrum;
import org.parley.media.testing.SpeechLike;

class OpusCodecTest {

  private static final int FRAME = 960;
  private static final double[] TONES_HZ = {400, 800, 1200, 1600};

  @Test
  void describesItselfAsRfc7587Says() {
    OpusCodec codec = new OpusCodec();
    assertThat(codec.encodingName()).isEqualTo("opus");
    assertThat(codec.staticPayloadType()).isEqualTo(-1);
    assertThat(codec.clockRateHz()).isEqualTo(48_000);
    assertThat(codec.sampleRateHz()).isEqualTo(48_000);
    assertThat(codec.channels()).isEqualTo(2);
    assertThat(codec.pcmChannels()).isEqualTo(1);
  }

  @Test
  void withTheSystemLibopusTheDecoderRecoversFecAndTheFmtpSaysSo() {
    assertThat(Libopus.system().isAvailable())
        .as("libopus0 must be installed here: %s", Libopus.system().description())
        .isTrue();
    OpusCodec codec = new OpusCodec();
    AudioDecoder decoder = codec.newDecoder();
    try {
      assertThat(decoder).isInstanceOf(LibopusDecoder.class);
    } finally {
      decoder.close();
    }
    assertThat(codec.decoderUsesFec()).isTrue();
    assertThat(codec.localParameters(48_000, 48_000).format()).contains("useinbandfec=1");
  }

  @Test
  void withoutLibopusFfmpegDecodesConcealsOnlyAndTheFmtpSaysNoFec() {
    Libopus missing = Libopus.load(List.of("parley-test-no-such-opus"));
    OpusCodec codec = new OpusCodec(OpusEncoderSettings.voipDefaults(), missing);
    assertThat(missing.isAvailable()).isFalse();
    assertThat(missing.description()).contains("parley-test-no-such-opus");
    assertThat(codec.decoderUsesFec()).isFalse();
    assertThat(codec.localParameters(48_000, 48_000).useInbandFec()).isFalse();
    try (OpusEncoder encoder =
            codec.newEncoder(OpusEncoderSettings.voipDefaults().withInbandFec(true, 20));
        OpusDecoder decoder = (OpusDecoder) codec.newDecoder()) {
      // FFmpeg's wrapper decodes with decode_fec=0 (ADR 0029): the LBRR is there, unused.
      List<byte[]> packets = encode(encoder, Spectrum.toneSequence(48_000, 9_600, 10_000, 700));
      byte[] next = packets.get(5);
      assertThat(OpusLbrr.hasLbrr(next, 0, next.length)).isTrue();
      assertThat(decoder.decodeFec(next, 0, next.length, new short[FRAME], FRAME)).isZero();
    }
  }

  @Test
  void aSequenceOfTonesSurvivesEncodeAndDecode() {
    short[] input = Spectrum.toneSequence(48_000, 9_600, 12_000, TONES_HZ);
    OpusCodec codec = new OpusCodec();
    short[] output;
    int lookahead;
    try (OpusEncoder encoder = (OpusEncoder) codec.newEncoder();
        OpusDecoder decoder = new OpusDecoder(codec.pcmChannels())) {
      output = roundTrip(encoder, decoder, input, 1);
      lookahead = encoder.lookaheadSamples();
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

  @Test
  void stereoKeepsEachChannelsOwnTone() {
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
    try (OpusEncoder encoder = (OpusEncoder) codec.newEncoder();
        OpusDecoder decoder = new OpusDecoder(codec.pcmChannels())) {
      output = roundTrip(encoder, decoder, interleaved, 2);
    }
    short[] outLeft = Spectrum.channel(output, 2, 0);
    short[] outRight = Spectrum.channel(output, 2, 1);
    assertThat(Spectrum.dominantHz(outLeft, 9_600, 4_800, 48_000, 100, 4_000, 10))
        .isCloseTo(500, within(10.0));
    assertThat(Spectrum.dominantHz(outRight, 9_600, 4_800, 48_000, 100, 4_000, 10))
        .isCloseTo(1_500, within(10.0));
  }

  @Test
  void concealmentContinuesTheToneAndFadesInsteadOfGoingSilent() {
    short[] tone = Spectrum.toneSequence(48_000, 48_000 / 2, 10_000, 600);
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder();
        OpusDecoder decoder = new OpusDecoder(1)) {
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
    }
  }

  @Test
  void concealmentBeforeAnyPacketIsSilence() {
    AudioDecoder decoder = new OpusDecoder(1);
    try {
      short[] pcm = new short[FRAME];
      java.util.Arrays.fill(pcm, (short) 99);
      assertThat(decoder.conceal(pcm, FRAME)).isEqualTo(FRAME);
      assertThat(pcm).containsOnly((short) 0);
    } finally {
      decoder.close();
    }
  }

  @Test
  void inbandFecPutsLbrrDataInEverySilkPacketAfterTheFirst() {
    short[] speechLike = Spectrum.toneSequence(48_000, 4_800, 10_000, 300, 500, 700, 900);
    OpusEncoderSettings base = OpusEncoderSettings.voipDefaults().withBitrateBps(24_000);
    List<byte[]> withFec;
    List<byte[]> without;
    try (OpusEncoder fec = new OpusCodec().newEncoder(base.withInbandFec(true, 20));
        OpusEncoder plain = new OpusCodec().newEncoder(base)) {
      withFec = encode(fec, speechLike);
      without = encode(plain, speechLike);
    }
    List<byte[]> fecTail = withFec.subList(2, withFec.size());
    assertThat(fecTail).allSatisfy(p -> assertThat(hasSilkLayer(p)).isTrue());
    assertThat(fecTail).allSatisfy(p -> assertThat(OpusLbrr.hasLbrr(p, 0, p.length)).isTrue());
    assertThat(without)
        .filteredOn(OpusCodecTest::hasSilkLayer)
        .hasSizeGreaterThan(without.size() / 2);
    assertThat(without).noneSatisfy(p -> assertThat(OpusLbrr.hasLbrr(p, 0, p.length)).isTrue());
  }

  @Test
  void dtxSendsOnlyATocByteDuringSilenceWithAFullPacketEvery400Ms() {
    short[] input = new short[48_000 * 2]; // 2 s of digital silence after 200 ms of tone
    System.arraycopy(Spectrum.toneSequence(48_000, 9_600, 8_000, 440), 0, input, 0, 9_600);
    List<byte[]> dtx;
    List<byte[]> continuous;
    try (OpusEncoder withDtx =
            new OpusCodec().newEncoder(OpusEncoderSettings.voipDefaults().withDtx(true));
        OpusEncoder plain = new OpusCodec().newEncoder(OpusEncoderSettings.voipDefaults())) {
      dtx = encode(withDtx, input);
      continuous = encode(plain, input);
    }
    // Frames 0-9 carry the tone, 10-19 are the 200 ms hangover, then one packet per 400 ms.
    List<Integer> fullPackets = new ArrayList<>();
    for (int i = 0; i < dtx.size(); i++) {
      if (dtx.get(i).length > 2) {
        fullPackets.add(i);
      }
    }
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      expected.add(i);
    }
    for (int i = 39; i < dtx.size(); i += 20) {
      expected.add(i);
    }
    assertThat(fullPackets).isEqualTo(expected);
    assertThat(dtx.get(25)).hasSize(1);
    assertThat(dtx.get(25)[0] & 0x03).isZero();
    assertThat(continuous).allSatisfy(p -> assertThat(p.length).isGreaterThan(2));
  }

  @Test
  void aDtxPacketDecodesAsConcealmentOfOneFrame() {
    try (OpusEncoder encoder =
            new OpusCodec().newEncoder(OpusEncoderSettings.voipDefaults().withDtx(true));
        OpusDecoder decoder = new OpusDecoder(1)) {
      List<byte[]> packets = encode(encoder, new short[FRAME * 25]);
      byte[] dtxPacket = packets.get(24);
      assertThat(dtxPacket).hasSize(1);
      short[] pcm = new short[FRAME * 6];
      decoder.decode(packets.get(0), 0, packets.get(0).length, pcm);
      assertThat(decoder.decode(dtxPacket, 0, 1, pcm)).isEqualTo(FRAME);
    }
  }

  @Test
  void maxPlaybackRateLimitsTheCodedBandwidth() {
    short[] input = Spectrum.toneSequence(48_000, 9_600, 8_000, 300, 6_000, 10_000);
    OpusEncoderSettings wideOpen = OpusEncoderSettings.voipDefaults().withBitrateBps(64_000);
    List<byte[]> limited;
    List<byte[]> full;
    try (OpusEncoder toWideband =
            new OpusCodec().newEncoder(wideOpen.withMaxPlaybackRateHz(16_000));
        OpusEncoder unlimited = new OpusCodec().newEncoder(wideOpen)) {
      limited = encode(toWideband, input);
      full = encode(unlimited, input);
    }
    assertThat(limited).allSatisfy(p -> assertThat(OpusToc.bandwidthHz(p[0])).isLessThan(8_001));
    assertThat(full).anySatisfy(p -> assertThat(OpusToc.bandwidthHz(p[0])).isEqualTo(20_000));
  }

  @Test
  void cbrMakesEveryPacketTheSameSize() {
    short[] input = Spectrum.toneSequence(48_000, 4_800, 10_000, 300, 2_000, 500, 3_000);
    try (OpusEncoder encoder =
        new OpusCodec()
            .newEncoder(OpusEncoderSettings.voipDefaults().withCbr(true).withBitrateBps(32_000))) {
      List<byte[]> packets = encode(encoder, input);
      // 32 kbit/s in 20 ms frames is 80 bytes.
      assertThat(packets).allSatisfy(p -> assertThat(p).hasSize(80));
    }
  }

  @Test
  void garbageIsRejectedWithACodecExceptionAndTheDecoderCarriesOn() {
    short[] pcm = new short[FRAME * 6];
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder();
        OpusDecoder decoder = new OpusDecoder(1)) {
      byte[] invalid = {(byte) 0xFF, (byte) 0xFF, 1, 2, 3}; // code 3 with a frame count of 63
      assertThatThrownBy(() -> decoder.decode(invalid, 0, invalid.length, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("opus");
      assertThatThrownBy(() -> decoder.decode(invalid, 0, 0, pcm))
          .isInstanceOf(CodecException.class)
          .hasMessageContaining("Empty");
      java.util.Random random = new java.util.Random(7);
      for (int i = 0; i < 2_000; i++) {
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        try {
          assertThat(decoder.decode(noise, 0, noise.length, pcm)).isBetween(0, pcm.length);
        } catch (CodecException expected) {
          // Either outcome is fine; a JVM crash or another exception type is not.
        }
      }
      List<byte[]> packets = encode(encoder, Spectrum.toneSequence(48_000, FRAME, 8_000, 440));
      assertThat(decoder.decode(packets.get(0), 0, packets.get(0).length, pcm)).isEqualTo(FRAME);
    }
  }

  @Test
  void encoderRejectsAFrameOfTheWrongSize() {
    try (OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder()) {
      assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, 480, new byte[1500]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("960");
    }
  }

  @Test
  void closedCodersRefuseWorkAndClosingTwiceIsHarmless() {
    OpusEncoder encoder = (OpusEncoder) new OpusCodec().newEncoder();
    encoder.close();
    encoder.close();
    assertThatThrownBy(() -> encoder.encode(new short[FRAME], 0, FRAME, new byte[1500]))
        .isInstanceOf(IllegalStateException.class);
    AudioDecoder decoder = new OpusDecoder(1);
    decoder.close();
    decoder.close();
    assertThatThrownBy(() -> decoder.decode(new byte[] {8}, 0, 1, new short[FRAME]))
        .isInstanceOf(IllegalStateException.class);
  }

  private static boolean hasSilkLayer(byte[] packet) {
    return OpusToc.mode(packet[0]) != OpusToc.Mode.CELT;
  }

  static List<byte[]> encode(AudioEncoder encoder, short[] pcm) {
    return SpeechLike.encode(encoder, pcm, FRAME);
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

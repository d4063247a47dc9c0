package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.codec.OpusLbrr;
import org.parley.media.codec.OpusToc;
import org.parley.media.opus.Libopus;
import org.parley.media.opus.LibopusDecoder;
import org.parley.media.testing.Spectrum;
import org.parley.media.testing.SpeechLike;

class OpusCodecTest {

  private static final int FRAME = 960;

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
}

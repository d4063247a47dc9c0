package org.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.OpusLbrr;
import org.parley.media.codec.OpusToc;
import org.parley.media.ffmpeg.FfmpegCodecs;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.opus.Libopus;
import org.parley.media.wav.WavFileSink;
import org.parley.media.wav.WavFileSource;

/**
 * The Parley half of {@code bench/opus-tools.sh}: encodes a whole WAV file frame by frame with the
 * Opus encoder and settings a call uses, decodes the packets with both of Parley's Opus decoders
 * (and {@code opusenc}'s packets too), and writes each stretch's CPU time to a results file.
 *
 * <p>Usage: {@code generate OUT.wav SECONDS} writes the test signal; {@code measure IN.wav
 * OPUSENC.opus OPUSDEC.wav RESULTS.tsv WARMUP_PASSES} measures. Each stretch first runs {@code
 * WARMUP_PASSES} times over the whole file unmeasured, so JIT compilation and the native libraries'
 * first-use costs fall outside the measured pass.
 */
public final class OpusToolsComparison {

  private static final int RATE_HZ = OpusCodec.RATE_HZ;
  private static final long SEED = 20_261_122L;

  private final short[] input;
  private final int warmupPasses;
  private final List<String> results = new ArrayList<>();

  private OpusToolsComparison(short[] input, int warmupPasses) {
    this.input = input;
    this.warmupPasses = warmupPasses;
  }

  /** See the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    if (args.length == 3 && "generate".equals(args[0])) {
      generate(Path.of(args[1]), Integer.parseInt(args[2]));
    } else if (args.length == 6 && "measure".equals(args[0])) {
      short[] input = readMono48k(Path.of(args[1]));
      OpusToolsComparison comparison = new OpusToolsComparison(input, Integer.parseInt(args[5]));
      Path results = Path.of(args[4]);
      comparison.measure(
          OggOpusPackets.read(Path.of(args[2])), readMono48k(Path.of(args[3])), results);
      Files.write(results, comparison.results);
    } else {
      throw new IllegalArgumentException(
          "usage: generate OUT.wav SECONDS | measure IN.wav OPUSENC.opus OPUSDEC.wav RESULTS.tsv"
              + " WARMUP_PASSES");
    }
  }

  private static void generate(Path wav, int seconds) throws IOException {
    short[] pcm = SyllableSignal.generate(seconds, RATE_HZ, SEED);
    try (WavFileSink sink = WavFileSink.create(wav, RATE_HZ, 1)) {
      sink.write(pcm, pcm.length);
    }
  }

  private static short[] readMono48k(Path wav) throws IOException {
    try (WavFileSource source = WavFileSource.open(wav)) {
      if (source.sampleRateHz() != RATE_HZ || source.channels() != 1) {
        throw new IOException(wav + " is not 48 kHz mono");
      }
      short[] pcm = new short[Math.toIntExact(source.frameCount())];
      int count = Math.max(0, source.read(pcm));
      return Arrays.copyOf(pcm, count);
    }
  }

  /**
   * Measures, and leaves Parley's packets beside {@code resultsFile} as {@code parley.opus} (the
   * whole file) and {@code parley-short.opus} (its first second) for {@code opusdec}.
   */
  private void measure(OggOpusPackets opusenc, short[] opusdecOutput, Path resultsFile)
      throws IOException {
    OpusCodec codec =
        (OpusCodec)
            FfmpegCodecs.defaultRegistry()
                .find("opus", RATE_HZ)
                .orElseThrow(() -> new IllegalStateException("FFmpeg's Opus is not available"));
    Libopus libopus = Libopus.system();
    if (!libopus.isAvailable()) {
      throw new IllegalStateException("System libopus " + libopus.description());
    }
    OpusCodec ffmpegDecoding = new OpusCodec(codec.settings(), Libopus.load(List.of()));
    results.add("# settings\t" + codec.settings());
    results.add("# libopus\t" + libopus.description());

    int frameSamples = codec.settings().frameSamplesPerChannel();
    int lookahead = 0;
    List<byte[]> parley = List.of();
    for (int pass = 0; pass <= warmupPasses; pass++) {
      CpuMeter meter = CpuMeter.start();
      try (OpusEncoder encoder = codec.newEncoder(codec.settings())) {
        parley = encode(encoder, frameSamples);
        lookahead = encoder.lookaheadSamples();
      }
      record(pass, "parley-encode", meter, parley);
    }
    OggOpusWriter.write(resultsFile.resolveSibling("parley.opus"), lookahead, parley);
    OggOpusWriter.write(
        resultsFile.resolveSibling("parley-short.opus"),
        lookahead,
        parley.subList(0, Math.min(parley.size(), RATE_HZ / frameSamples)));
    short[] parleyDecoded = decodeMeasured("parley-packets-libopus", parley, codec::newDecoder);
    decodeMeasured("parley-packets-ffmpeg", parley, ffmpegDecoding::newDecoder);
    List<byte[]> theirs = opusenc.audioPackets();
    short[] theirsDecoded = decodeMeasured("opusenc-packets-libopus", theirs, codec::newDecoder);
    decodeMeasured("opusenc-packets-ffmpeg", theirs, ffmpegDecoding::newDecoder);
    results.add(describe("stream-parley", parley));
    results.add(describe("stream-opusenc", theirs));

    results.add(snr("snr-parley-vs-input", input, 0, parleyDecoded, lookahead));
    results.add(snr("snr-opusenc-vs-input", input, 0, theirsDecoded, opusenc.preSkipSamples()));
    results.add(
        snr("snr-libopus-vs-opusdec", opusdecOutput, 0, theirsDecoded, opusenc.preSkipSamples()));
  }

  private List<byte[]> encode(OpusEncoder encoder, int frameSamples) {
    List<byte[]> packets = new ArrayList<>(input.length / frameSamples + 1);
    byte[] payload = new byte[1500];
    // The last partial frame, if any, is left out: a call only ever encodes whole frames.
    for (int offset = 0; offset + frameSamples <= input.length; offset += frameSamples) {
      int length = encoder.encode(input, offset, frameSamples, payload);
      packets.add(Arrays.copyOf(payload, length));
    }
    return packets;
  }

  private short[] decodeMeasured(
      String name, List<byte[]> packets, Supplier<AudioDecoder> decoders) {
    short[] decoded = new short[0];
    for (int pass = 0; pass <= warmupPasses; pass++) {
      CpuMeter meter = CpuMeter.start();
      decoded = decode(packets, decoders);
      record(pass, name, meter, packets);
    }
    return decoded;
  }

  private static short[] decode(List<byte[]> packets, Supplier<AudioDecoder> decoders) {
    // 120 ms, the longest an Opus packet can hold.
    short[] frame = new short[RATE_HZ * 120 / 1000];
    short[] all = new short[packets.size() * RATE_HZ / 50 + frame.length];
    int total = 0;
    AudioDecoder decoder = decoders.get();
    try {
      for (byte[] packet : packets) {
        int count = decoder.decode(packet, 0, packet.length, frame);
        if (total + count > all.length) {
          all = Arrays.copyOf(all, (total + count) * 2);
        }
        System.arraycopy(frame, 0, all, total, count);
        total += count;
      }
    } finally {
      decoder.close();
    }
    return Arrays.copyOf(all, total);
  }

  /** One timing line, unless {@code pass} is a warm-up pass. */
  private void record(int pass, String name, CpuMeter meter, List<byte[]> packets) {
    CpuMeter.Reading reading = meter.stop();
    if (pass < warmupPasses) {
      return;
    }
    results.add(
        String.format(
            Locale.ROOT,
            "%s\t%d\t%d\t%d\t%d",
            name,
            packets.size(),
            reading.threadCpuNanos(),
            reading.processCpuNanos(),
            reading.wallNanos()));
  }

  /**
   * What a packet stream holds: size, bitrate, how many packets carry FEC, and the mix of Opus
   * modes and audio bandwidths the encoder chose, so two encoders can be seen to have done the same
   * work.
   */
  private static String describe(String name, List<byte[]> packets) {
    long bytes = 0;
    int lbrr = 0;
    Map<String, Integer> mix = new TreeMap<>();
    for (byte[] packet : packets) {
      bytes += packet.length;
      lbrr += OpusLbrr.hasLbrr(packet, 0, packet.length) ? 1 : 0;
      String kind = OpusToc.mode(packet[0]) + "@" + OpusToc.bandwidthHz(packet[0]) / 1000 + "kHz";
      mix.merge(kind, 1, Integer::sum);
    }
    double kbps = bytes * 8.0 / (packets.size() * 20.0);
    return String.format(
        Locale.ROOT,
        "# %s\t%d packets, %d bytes (%.1f kbit/s), LBRR in %d, %s",
        name,
        packets.size(),
        bytes,
        kbps,
        lbrr,
        mix);
  }

  /**
   * Signal-to-difference ratio of {@code decoded} (from {@code decodedDelay}) against {@code
   * reference} (from {@code referenceOffset}), in dB: a check that both sides coded the same audio
   * and that the Ogg demuxing is right, not a quality score.
   */
  private static String snr(
      String name, short[] reference, int referenceOffset, short[] decoded, int decodedDelay) {
    int length = Math.min(reference.length - referenceOffset, decoded.length - decodedDelay);
    double signal = 0;
    double difference = 0;
    for (int i = 0; i < length; i++) {
      double wanted = reference[referenceOffset + i];
      double error = decoded[decodedDelay + i] - wanted;
      signal += wanted * wanted;
      difference += error * error;
    }
    double db = 10 * Math.log10(signal / Math.max(difference, 1e-9));
    return String.format(Locale.ROOT, "# %s\t%.1f dB over %d samples", name, db, length);
  }
}

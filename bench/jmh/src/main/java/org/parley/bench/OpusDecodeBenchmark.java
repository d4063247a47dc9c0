package org.parley.bench;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.OpusEncoderSettings;
import org.parley.media.ffmpeg.OpusCodec;
import org.parley.media.ffmpeg.OpusEncoder;
import org.parley.media.opus.Libopus;

/**
 * Decoding one 20 ms Opus frame (mono, 32 kbit/s with FEC) through the system libopus (JNA) and
 * through FFmpeg's libopus wrapper, plus libopus's FEC and concealment of one frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OpusDecodeBenchmark {

  private static final int FRAME = 960;

  @Param({"libopus", "ffmpeg"})
  public String decoderKind;

  private AudioDecoder decoder;
  private short[] decoded;
  private byte[] payload;

  @Setup(Level.Trial)
  public void open() {
    OpusEncoderSettings settings = OpusEncoderSettings.voipDefaults().withInbandFec(true, 10);
    Libopus libopus = "libopus".equals(decoderKind) ? Libopus.system() : Libopus.load(List.of());
    if ("libopus".equals(decoderKind) && !libopus.isAvailable()) {
      throw new IllegalStateException("System libopus " + libopus.description());
    }
    OpusCodec codec = new OpusCodec(settings, libopus);
    short[] speech = Signals.speechLike(FRAME * 3, OpusCodec.RATE_HZ);
    byte[] buffer = new byte[1500];
    int length = 0;
    // The third frame: its LBRR covers the second, so FEC has something to decode.
    try (OpusEncoder encoder = codec.newEncoder(settings)) {
      for (int offset = 0; offset < speech.length; offset += FRAME) {
        length = encoder.encode(speech, offset, FRAME, buffer);
      }
    }
    payload = Arrays.copyOf(buffer, length);
    decoder = codec.newDecoder();
    decoded = new short[FRAME * 6];
    // A decoder that has decoded nothing conceals with silence: give PLC something to go on.
    decode20ms();
    if (libopus.isAvailable() && decodeFec20ms() != FRAME) {
      throw new IllegalStateException("The benchmark packet carries no LBRR to decode");
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    decoder.close();
  }

  @Benchmark
  public int decode20ms() {
    return decoder.decode(payload, 0, payload.length, decoded);
  }

  /** FEC recovery of the frame before {@code payload}; 0 (nothing) with FFmpeg. */
  @Benchmark
  public int decodeFec20ms() {
    return decoder.decodeFec(payload, 0, payload.length, decoded, FRAME);
  }

  @Benchmark
  public int conceal20ms() {
    return decoder.conceal(decoded, FRAME);
  }
}

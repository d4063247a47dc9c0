package org.parley.bench;

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
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.ffmpeg.FfmpegCodecs;

/** Encoding and decoding one 20 ms frame of speech-like audio with each call codec. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CodecBenchmark {

  @Param({"PCMU/8000", "G722/8000", "opus/48000"})
  public String codec;

  private AudioEncoder encoder;
  private AudioDecoder decoder;
  private short[] frame;
  private short[] decoded;
  private byte[] payload;
  private int payloadBytes;

  @Setup(Level.Trial)
  public void open() {
    String[] nameAndClock = codec.split("/");
    AudioCodec chosen =
        FfmpegCodecs.defaultRegistry()
            .find(nameAndClock[0], Integer.parseInt(nameAndClock[1]))
            .orElseThrow(() -> new IllegalStateException(codec + " is not registered"));
    encoder = chosen.newEncoder();
    decoder = chosen.newDecoder();
    frame = Signals.speechLike(chosen.sampleRateHz() / 50, chosen.sampleRateHz());
    decoded = new short[frame.length * 2];
    payload = new byte[1500];
    payloadBytes = encoder.encode(frame, 0, frame.length, payload);
  }

  @TearDown(Level.Trial)
  public void close() {
    encoder.close();
    decoder.close();
  }

  @Benchmark
  public int encode20ms() {
    return encoder.encode(frame, 0, frame.length, payload);
  }

  @Benchmark
  public int decode20ms() {
    return decoder.decode(payload, 0, payloadBytes, decoded);
  }
}

package org.parley.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.jitter.AdaptiveJitterBuffer;
import org.parley.media.rtp.RtpPacket;

/**
 * One packet in and one 20 ms frame out of the adaptive jitter buffer, PCMU: the receive path's
 * work per packet (reordering bookkeeping, delay estimation, decoding, time scaling).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JitterBufferBenchmark {

  private static final int FRAME_SAMPLES = 160;

  private AdaptiveJitterBuffer buffer;
  private byte[] payload;
  private short[] frame;
  private int sequence;
  private long timestamp;
  private long arrivalMillis;

  @Setup(Level.Iteration)
  public void fill() {
    G711Codec codec = G711Codec.PCMU;
    buffer = new AdaptiveJitterBuffer(codec.newDecoder(), 8000, 8000, FRAME_SAMPLES);
    AudioEncoder encoder = codec.newEncoder();
    payload = new byte[FRAME_SAMPLES];
    encoder.encode(Signals.speechLike(FRAME_SAMPLES, 8000), 0, FRAME_SAMPLES, payload);
    frame = new short[FRAME_SAMPLES];
    sequence = 0;
    timestamp = 0;
    arrivalMillis = 0;
    for (int i = 0; i < 5; i++) {
      insertNext();
    }
  }

  @Benchmark
  public short[] insertAndPull() {
    insertNext();
    buffer.pull(frame);
    return frame;
  }

  private void insertNext() {
    // A little arrival jitter (0-7 ms) so the delay estimator has work to do.
    long jitterMillis = (sequence * 7L) % 8;
    buffer.insert(
        RtpPacket.of(0, false, sequence & 0xFFFF, timestamp & 0xFFFF_FFFFL, 0x1234, payload),
        arrivalMillis + jitterMillis);
    sequence++;
    timestamp += FRAME_SAMPLES;
    arrivalMillis += 20;
  }
}

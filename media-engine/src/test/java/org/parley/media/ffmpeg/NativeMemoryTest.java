package org.parley.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.parley.media.codec.AudioCodec;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.codec.AudioEncoder;

class NativeMemoryTest {

  private static final long ALLOWED_GROWTH_BYTES = 20L << 20;

  @Test
  void openingAndClosingAThousandOpusCodersDoesNotGrowTheProcess() {
    assertNoGrowth(new OpusCodec(), 960);
  }

  @Test
  void openingAndClosingAThousandG722CodersDoesNotGrowTheProcess() {
    assertNoGrowth(new G722Codec(), 320);
  }

  /**
   * A libopus encoder and decoder with their FFmpeg contexts take some 60 KB; a thousand leaked
   * would add about 60 MB of resident memory (measured with the closes left out: 85 MB). The JVM's
   * own churn (a heap that grows, code the JIT compiles, more so on a loaded machine) added up to
   * 12 MB, so the heap's growth is taken off and the rest must stay well under the leak's size.
   */
  private static void assertNoGrowth(AudioCodec codec, int frameSamples) {
    cycle(codec, frameSamples, 200); // load libraries, warm up allocator and JIT
    long before = Pointer.physicalBytes();
    long heapBefore = Runtime.getRuntime().totalMemory();
    cycle(codec, frameSamples, 1_000);
    long heapGrowth = Math.max(0, Runtime.getRuntime().totalMemory() - heapBefore);
    long after = Pointer.physicalBytes();
    assertThat(after - before - heapGrowth)
        .as("resident growth in bytes, besides the heap's")
        .isLessThan(ALLOWED_GROWTH_BYTES);
  }

  private static void cycle(AudioCodec codec, int frameSamples, int times) {
    short[] pcm = new short[frameSamples];
    byte[] payload = new byte[4_000];
    short[] decoded = new short[frameSamples * 6];
    for (int i = 0; i < times; i++) {
      AudioEncoder encoder = codec.newEncoder();
      AudioDecoder decoder = codec.newDecoder();
      try {
        int length = encoder.encode(pcm, 0, frameSamples, payload);
        decoder.decode(payload, 0, length, decoded);
      } finally {
        encoder.close();
        decoder.close();
      }
    }
  }
}

package org.parley.media.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parley.media.codec.AudioEncoder;

/**
 * Voice-like test material for codec tests: a harmonic signal whose pitch glides and whose level
 * rises and falls in syllables, and the frames an encoder makes of it.
 */
public final class SpeechLike {

  private SpeechLike() {}

  /**
   * {@code samples} of a voiced sound at {@code rateHz}: five harmonics of a fundamental gliding
   * between 110 and 230 Hz, in syllables of 200 ms rising to {@code peak} and falling again.
   */
  public static short[] voice(int rateHz, int samples, double peak) {
    short[] pcm = new short[samples];
    double phase = 0;
    for (int i = 0; i < samples; i++) {
      double t = (double) i / rateHz;
      double f0 = 170 + 60 * Math.sin(2 * Math.PI * 1.3 * t);
      phase += 2 * Math.PI * f0 / rateHz;
      // Syllables of 200 ms with 50 ms pauses: a voice activity detector never settles on the
      // level as background noise, as it would on a sound that never stops.
      double syllable = t % 0.25;
      double envelope = syllable < 0.2 ? Math.sin(Math.PI * syllable / 0.2) : 0;
      double sum = 0;
      for (int h = 1; h <= 5; h++) {
        sum += Math.sin(h * phase) / h;
      }
      pcm[i] = (short) Math.round(peak * envelope * sum / 2.3);
    }
    return pcm;
  }

  /** Encodes {@code pcm} frame by frame; returns one payload per frame. */
  public static List<byte[]> encode(AudioEncoder encoder, short[] pcm, int frameSamples) {
    List<byte[]> packets = new ArrayList<>();
    byte[] payload = new byte[4_000];
    for (int offset = 0; offset + frameSamples <= pcm.length; offset += frameSamples) {
      int length = encoder.encode(pcm, offset, frameSamples, payload);
      packets.add(Arrays.copyOf(payload, length));
    }
    return packets;
  }
}

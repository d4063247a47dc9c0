package org.parley.media.jitter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.ObjIntConsumer;
import org.parley.media.codec.AudioEncoder;
import org.parley.media.codec.G711Codec;
import org.parley.media.rtp.RtpPacket;

/**
 * A deterministic network and playout clock for jitter buffer tests: packets carry synthetic
 * arrival times, and the playout loop pulls one frame every 20 ms of simulated time after inserting
 * everything that has arrived by then. Nothing sleeps.
 */
final class PlayoutSimulation {

  static final int RATE = 8000;
  static final int FRAME = 160;
  static final int FRAME_MILLIS = 20;

  /** One packet on the wire and when the receiver gets it. */
  record Delivery(long arrivalMillis, RtpPacket packet) {}

  private final List<Delivery> deliveries = new ArrayList<>();

  /**
   * PCMU packets of 20 ms carrying {@code signal}, numbered from the given sequence and timestamp.
   */
  static List<RtpPacket> packetize(
      short[] signal, long ssrc, int firstSequence, long firstTimestamp) {
    AudioEncoder encoder = G711Codec.PCMU.newEncoder();
    List<RtpPacket> packets = new ArrayList<>();
    for (int k = 0; k * FRAME + FRAME <= signal.length; k++) {
      byte[] payload = new byte[FRAME];
      encoder.encode(signal, k * FRAME, FRAME, payload);
      packets.add(
          RtpPacket.of(
              0,
              k == 0,
              (firstSequence + k) & 0xFFFF,
              (firstTimestamp + (long) k * FRAME) & 0xFFFF_FFFFL,
              ssrc,
              payload));
    }
    return packets;
  }

  /**
   * Sends packet k at {@code firstSendMillis + k * 20 * clockScale}, arriving after {@code
   * delay.apply(k)} ms.
   */
  PlayoutSimulation send(
      List<RtpPacket> packets,
      double firstSendMillis,
      double clockScale,
      IntFunction<Double> delay) {
    for (int k = 0; k < packets.size(); k++) {
      Double delayMillis = delay.apply(k);
      if (delayMillis != null) { // null: lost
        double sent = firstSendMillis + k * FRAME_MILLIS * clockScale;
        deliveries.add(new Delivery(Math.round(sent + delayMillis), packets.get(k)));
      }
    }
    return this;
  }

  /** Adds one extra delivery (a duplicate, say). */
  PlayoutSimulation deliver(long arrivalMillis, RtpPacket packet) {
    deliveries.add(new Delivery(arrivalMillis, packet));
    return this;
  }

  /**
   * Runs the playout clock from time 0 for {@code frames} pulls, calling {@code afterPull} with the
   * buffer after each; returns everything played.
   */
  short[] play(JitterBuffer buffer, int frames, ObjIntConsumer<JitterBuffer> afterPull) {
    return play(buffer, frames, f -> true, afterPull);
  }

  /**
   * As {@link #play(JitterBuffer, int, ObjIntConsumer)}, but frame slots where {@code pulls} is
   * false pass without a pull (a player that stalled and lost that time): packets still arrive,
   * nothing is played, and the output holds only the frames pulled.
   */
  short[] play(
      JitterBuffer buffer, int frames, IntPredicate pulls, ObjIntConsumer<JitterBuffer> afterPull) {
    List<Delivery> sorted = new ArrayList<>(deliveries);
    sorted.sort(Comparator.comparingLong(Delivery::arrivalMillis)); // stable: ties keep send order
    short[] out = new short[frames * FRAME];
    short[] frame = new short[FRAME];
    int next = 0;
    int pulled = 0;
    for (int f = 0; f < frames; f++) {
      long now = (long) f * FRAME_MILLIS;
      while (next < sorted.size() && sorted.get(next).arrivalMillis() <= now) {
        buffer.insert(sorted.get(next).packet(), sorted.get(next).arrivalMillis());
        next++;
      }
      if (!pulls.test(f)) {
        continue;
      }
      buffer.pull(frame);
      System.arraycopy(frame, 0, out, pulled++ * FRAME, FRAME);
      afterPull.accept(buffer, f);
    }
    return Arrays.copyOf(out, pulled * FRAME);
  }

  short[] play(JitterBuffer buffer, int frames) {
    return play(buffer, frames, (b, f) -> {});
  }

  /** Index of the first frame with a non-zero sample (playout starts on a frame), or -1. */
  static int firstSound(short[] x) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] != 0) {
        return i / FRAME * FRAME;
      }
    }
    return -1;
  }
}

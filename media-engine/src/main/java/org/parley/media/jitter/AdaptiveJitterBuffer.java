package org.parley.media.jitter;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.parley.media.codec.AudioDecoder;
import org.parley.media.rtp.RtpPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jitter buffer whose delay follows the measured jitter (NetEQ's design, written afresh).
 *
 * <p>Packets are kept by extended RTP timestamp; the playout point {@code nextTimestamp} moves
 * through them as frames are pulled. A missing packet is recovered from the next one's FEC when
 * that is buffered, otherwise concealed by the decoder. A packet that arrives after its playout
 * point is dropped as late. The buffer level (decoded samples plus buffered packets ahead of the
 * playout point) is smoothed and steered towards the {@link DelayEstimator}'s target by removing or
 * repeating pitch periods ({@link TimeScaler}), which also absorbs clock drift between sender and
 * receiver. Removing is bounded so that playout runs at most 25 % fast: a standing excess (a player
 * that stalled, a burst) drains within seconds without audibly fast speech. An SSRC change or a
 * timestamp jump drains the old packets into the output and starts a new timeline. When the buffer
 * runs dry for longer than concealment lasts (60 ms) it rebuffers to the target before playing
 * again, which is also how talk spurts after DTX start.
 */
public final class AdaptiveJitterBuffer implements JitterBuffer {

  private static final Logger LOG = LoggerFactory.getLogger(AdaptiveJitterBuffer.class);
  private static final long UNSET = Long.MIN_VALUE;
  private static final int REBUFFER_AFTER_MILLIS = 60;
  // What playing may start with beyond the target before the oldest packets are dropped: two
  // packets' worth is left to time-scaling, anything more is a burst's stale backlog.
  private static final int START_SLACK_MILLIS = 40;
  private static final int MAX_PACKET_MILLIS = 120;
  // A UDP datagram carries at most 65,507 payload bytes; with up to one sample per byte (G.711)
  // no payload can overrun the decode buffer, whatever a peer sends.
  private static final int MAX_DATAGRAM_SAMPLES = 65_536;
  private static final int RECENT_SEQUENCES = 64;
  // Level smoothing: a one-pole filter over about eight pulls.
  private static final double LEVEL_SMOOTHING = 1.0 / 8;
  // Time compression removes at most this share of what is decoded, so playout runs at most 25 %
  // fast: speech stays natural, and a 300 ms excess still drains in 1.2 s of playout.
  private static final double MAX_COMPRESSION_SHARE = 0.2;

  private final Object lock = new Object();
  private final AudioDecoder decoder;
  private final int clockRateHz;
  private final int sampleRateHz;
  private final int frameSamples;
  private final DelayEstimator estimator;
  private final TimeScaler scaler;
  private final SampleQueue decoded;
  private final short[] scratch;
  private final TreeMap<Long, RtpPacket> packets = new TreeMap<>();
  private final int[] recentSequences = new int[RECENT_SEQUENCES];
  private final JitterBufferCounters counters = new JitterBufferCounters();

  private long ssrc = UNSET;
  private long highestTimestamp = UNSET;
  private long nextTimestamp = UNSET;
  private boolean playing;
  private int lastSequence = -1;
  private int recentCount;
  private long packetTicks;
  private int underrunSamples;
  private double filteredLevelSamples;
  private double currentLevelSamples;
  // Samples time compression may still remove: earned as packets decode, spent on each period.
  private double compressionAllowanceSamples;

  /** A buffer with {@link JitterBufferSettings#DEFAULTS}. */
  public AdaptiveJitterBuffer(
      AudioDecoder decoder, int clockRateHz, int sampleRateHz, int frameSamples) {
    this(decoder, clockRateHz, sampleRateHz, frameSamples, JitterBufferSettings.DEFAULTS);
  }

  /**
   * Creates a buffer for one mono stream.
   *
   * @param clockRateHz the payload's RTP clock rate
   * @param sampleRateHz the rate of the decoder's output
   * @param frameSamples samples per concealment step, usually one pull (e.g. 20 ms)
   */
  public AdaptiveJitterBuffer(
      AudioDecoder decoder,
      int clockRateHz,
      int sampleRateHz,
      int frameSamples,
      JitterBufferSettings settings) {
    if (clockRateHz <= 0 || sampleRateHz <= 0 || frameSamples <= 0) {
      throw new IllegalArgumentException("Rates and frame size must be positive");
    }
    this.decoder = decoder;
    this.clockRateHz = clockRateHz;
    this.sampleRateHz = sampleRateHz;
    this.frameSamples = frameSamples;
    this.estimator = new DelayEstimator(settings, clockRateHz);
    this.scaler = new TimeScaler(sampleRateHz);
    int maxPacketSamples = sampleRateHz * MAX_PACKET_MILLIS / 1000;
    this.scratch =
        new short[Math.max(frameSamples, Math.max(2 * maxPacketSamples, MAX_DATAGRAM_SAMPLES))];
    this.decoded = new SampleQueue(sampleRateHz * settings.maxDelayMillis() / 500);
    this.packetTicks = toTicks(frameSamples);
  }

  @Override
  public void insert(RtpPacket packet, long arrivalMillis) {
    synchronized (lock) {
      counters.received++;
      if (ssrc != packet.ssrc()) {
        if (ssrc != UNSET) {
          LOG.debug("SSRC changed from {} to {}: resynchronising", ssrc, packet.ssrc());
          resynchronise();
        }
        ssrc = packet.ssrc();
      }
      long timestamp = extend(packet.timestamp());
      if (estimator.isJump(timestamp, arrivalMillis)) {
        LOG.debug("Timestamp jump at sequence {}: resynchronising", packet.sequenceNumber());
        resynchronise();
        timestamp = extend(packet.timestamp());
      }
      boolean behind = nextTimestamp != UNSET && timestamp < nextTimestamp;
      if (packets.containsKey(timestamp) || behind && wasPlayed(packet.sequenceNumber())) {
        counters.duplicate++;
        return;
      }
      estimator.update(timestamp, arrivalMillis, toMillis(toSamples(packetTicks)));
      if (behind) {
        counters.late++;
        return;
      }
      packets.put(timestamp, packet);
    }
  }

  @Override
  public void pull(short[] frame) {
    synchronized (lock) {
      currentLevelSamples = levelSamples();
      if (playing) {
        filteredLevelSamples += (currentLevelSamples - filteredLevelSamples) * LEVEL_SMOOTHING;
      }
      while (decoded.size() < frame.length && (playing || startPlaying())) {
        produce();
      }
      int n = decoded.take(frame, 0, frame.length);
      // Still buffering: the rest of the frame is silence (nothing of the stream was lost yet).
      Arrays.fill(frame, n, frame.length, (short) 0);
      counters.played += frame.length;
    }
  }

  @Override
  public JitterBufferStatistics statistics() {
    synchronized (lock) {
      return counters.snapshot(toMillis(currentLevelSamples), estimator.targetMillis());
    }
  }

  private boolean startPlaying() {
    if (packets.isEmpty() || levelSamples() < targetSamples()) {
      return false;
    }
    dropStaleBacklog();
    if (levelSamples() < targetSamples()) {
      return false; // an isolated packet went: wait for the rest of the spurt
    }
    playing = true;
    nextTimestamp = packets.firstKey();
    underrunSamples = 0;
    filteredLevelSamples = levelSamples();
    return true;
  }

  /**
   * Drops the oldest packets while the rest still exceed the target by more than the slack, or
   * while the oldest is cut off from the rest by a gap (DTX). After a stall (the sender's media
   * thread, the network, this machine) the held-up packets arrive in one burst; played in full they
   * would keep the stall's length as delay for the rest of the call, since time-scaling removes
   * only a pitch period per frame. They count as late, and the sequence accounting moves past them,
   * so they are not reported as network loss.
   */
  private void dropStaleBacklog() {
    double keepSamples = targetSamples() + sampleRateHz * START_SLACK_MILLIS / 1000.0;
    long rebufferSamples = sampleRateHz * REBUFFER_AFTER_MILLIS / 1000;
    while (packets.size() > 1) {
      long first = packets.firstKey();
      long second = packets.higherKey(first);
      long end = packets.lastKey() + packetTicks;
      boolean restExceeds = decoded.size() + toSamples(end - second) >= keepSamples;
      // A packet cut off from the rest by a gap longer than concealment bridges: a DTX refresh
      // packet that waited alone until the talk spurt came. Played, the gap would be waited out in
      // silence and the whole spurt heard that much late.
      boolean isolated =
          toSamples(second - first - packetTicks) > rebufferSamples
              && decoded.size() + toSamples(end - first) > keepSamples;
      if (!restExceeds && !isolated) {
        return;
      }
      lastSequence = packets.pollFirstEntry().getValue().sequenceNumber();
      counters.late++;
    }
  }

  /** One step of playout: decode, conceal, drop a stale packet, or stop playing to rebuffer. */
  private void produce() {
    Map.Entry<Long, RtpPacket> first = packets.firstEntry();
    if (first == null) {
      underrun();
    } else if (first.getKey() < nextTimestamp) {
      // Overtaken by concealment or FEC output longer than the gap: too late to play.
      packets.pollFirstEntry();
      counters.late++;
    } else if (first.getKey() == nextTimestamp) {
      packets.pollFirstEntry();
      decodePacket(first.getKey(), first.getValue());
      steerLevel();
    } else {
      bridgeGap(first.getKey(), first.getValue());
    }
  }

  private void underrun() {
    if (underrunSamples >= sampleRateHz * REBUFFER_AFTER_MILLIS / 1000) {
      // Concealment has faded to silence: wait for a full buffer rather than trickle.
      playing = false;
      return;
    }
    // The playout point stays: a packet that arrives now is played, not dropped as late.
    conceal(frameSamples);
    underrunSamples += frameSamples;
  }

  private void bridgeGap(long timestamp, RtpPacket next) {
    long gapSamples = toSamples(timestamp - nextTimestamp);
    if (underrunSamples > 0) {
      // What was concealed while the buffer was dry already stood in for part of the gap.
      long covered = Math.min(underrunSamples, gapSamples);
      nextTimestamp += toTicks(covered);
      underrunSamples = 0;
      if (covered == gapSamples) {
        nextTimestamp = timestamp;
      }
      return;
    }
    // The next packet's FEC can rebuild only the packet just before it (RFC 6716 LBRR): the
    // earlier part of a longer gap is concealed first, then that last packet is asked for.
    long packetSamples = toSamples(packetTicks);
    if (gapSamples <= packetSamples && gapSamples <= scratch.length) {
      byte[] payload = next.payload();
      int recovered =
          (int)
              Math.min(
                  gapSamples,
                  decoder.decodeFec(payload, 0, payload.length, scratch, (int) gapSamples));
      if (recovered > 0) {
        decoded.append(scratch, recovered);
        counters.recovered += recovered;
        nextTimestamp = recovered == gapSamples ? timestamp : nextTimestamp + toTicks(recovered);
        return;
      }
    }
    long beforeLast = gapSamples > packetSamples ? gapSamples - packetSamples : gapSamples;
    int n = (int) Math.min(frameSamples, beforeLast);
    conceal(n);
    nextTimestamp = n == gapSamples ? timestamp : nextTimestamp + toTicks(n);
  }

  private void decodePacket(long timestamp, RtpPacket packet) {
    byte[] payload = packet.payload();
    int n = decoder.decode(payload, 0, payload.length, scratch);
    if (n <= 0) {
      n = (int) toSamples(packetTicks);
      conceal(n);
    } else {
      decoded.append(scratch, n);
      packetTicks = toTicks(n);
    }
    int sequence = packet.sequenceNumber();
    if (lastSequence >= 0) {
      int skipped = (sequence - lastSequence - 1) & 0xFFFF;
      // A huge skip is a sequence reset, not a loss of thousands of packets.
      if (skipped < 0x8000) {
        counters.lost += skipped;
      }
    }
    lastSequence = sequence;
    recentSequences[recentCount++ % RECENT_SEQUENCES] = sequence;
    nextTimestamp = timestamp + toTicks(n);
    underrunSamples = 0;
  }

  /** Removes or repeats a pitch period when the smoothed level strays from the target. */
  private void steerLevel() {
    double target = targetSamples();
    double packet = toSamples(packetTicks);
    double high = target + Math.max(packet, sampleRateHz / 50.0);
    double low = target - sampleRateHz / 100.0;
    // Earned whatever the level, but never more than two of the longest periods, so a long spell
    // at the target does not buy a burst of compression later.
    compressionAllowanceSamples =
        Math.min(
            compressionAllowanceSamples + packet * MAX_COMPRESSION_SHARE, scaler.neededSamples());
    if (filteredLevelSamples > high) {
      int removed =
          scaler.compress(
              decoded, filteredLevelSamples > high + 2 * packet, (int) compressionAllowanceSamples);
      filteredLevelSamples -= removed;
      compressionAllowanceSamples -= removed;
      counters.compressed += removed;
    } else if (filteredLevelSamples < low) {
      int added = scaler.expand(decoded, false);
      filteredLevelSamples += added;
      counters.stretched += added;
    }
  }

  private void conceal(int sampleCount) {
    int n = decoder.conceal(scratch, sampleCount);
    decoded.append(scratch, n);
    counters.concealed += n;
  }

  /** Plays out what the old timeline left, then waits for the new one to fill the buffer. */
  private void resynchronise() {
    for (Map.Entry<Long, RtpPacket> e : packets.entrySet()) {
      decodePacket(e.getKey(), e.getValue());
    }
    packets.clear();
    counters.resynchronisations++;
    highestTimestamp = UNSET;
    nextTimestamp = UNSET;
    lastSequence = -1;
    playing = false;
    estimator.resetBaseline();
  }

  private boolean wasPlayed(int sequence) {
    for (int i = 0; i < Math.min(recentCount, RECENT_SEQUENCES); i++) {
      if (recentSequences[i] == sequence) {
        return true;
      }
    }
    return false;
  }

  /** Unwraps a 32-bit timestamp to a 64-bit one near the highest seen. */
  private long extend(long timestamp) {
    if (highestTimestamp == UNSET) {
      highestTimestamp = timestamp;
      return timestamp;
    }
    int delta = (int) (timestamp - (highestTimestamp & 0xFFFF_FFFFL));
    long extended = highestTimestamp + delta;
    highestTimestamp = Math.max(highestTimestamp, extended);
    return extended;
  }

  private double levelSamples() {
    double level = decoded.size();
    if (!packets.isEmpty()) {
      long from = playing ? nextTimestamp : packets.firstKey();
      level += toSamples(packets.lastKey() + packetTicks - from);
    }
    return level;
  }

  private double targetSamples() {
    return estimator.targetMillis() * sampleRateHz / 1000;
  }

  private long toSamples(long ticks) {
    return ticks * sampleRateHz / clockRateHz;
  }

  private long toTicks(long samples) {
    return samples * clockRateHz / sampleRateHz;
  }

  private double toMillis(double samples) {
    return samples * 1000 / sampleRateHz;
  }
}

package org.parley.media.jitter;

import java.util.ArrayDeque;

/**
 * Turns packet arrival times into a target playout delay.
 *
 * <p>Each packet's delay is measured relative to the fastest packet of the last couple of seconds
 * (arrival time minus media time, so the unknown clock offset cancels). A histogram of those
 * relative delays over a sliding window gives a percentile (95th by default); the target is that
 * percentile plus one packet, since a packet must be complete before it plays. The target rises at
 * once when the estimate rises (fast attack) and falls at a bounded rate (slow decay), within the
 * configured bounds. Not thread-safe: the jitter buffer calls it under its lock.
 */
final class DelayEstimator {

  /**
   * Packets arriving within this share of a packet time after the previous one arrived together (a
   * burst): a sender catching up after a stall sends its packets one encode apart, which on a
   * loaded machine takes a few milliseconds (Opus), not none.
   */
  private static final double BURST_GAP_PACKETS = 0.25;

  private record Sample(long arrivalMillis, double value) {}

  private final JitterBufferSettings settings;
  private final int clockRateHz;
  private final int[] histogram;
  private final ArrayDeque<Sample> window = new ArrayDeque<>();
  // Monotonic deque: absolute delays in increasing order, so the first is the window's minimum.
  private final ArrayDeque<Sample> baseline = new ArrayDeque<>();
  private double targetMillis;
  private long lastUpdateMillis = Long.MIN_VALUE;
  private long lastArrivalMillis = Long.MIN_VALUE;
  private double lastDelayMillis = Double.NaN;

  DelayEstimator(JitterBufferSettings settings, int clockRateHz) {
    this.settings = settings;
    this.clockRateHz = clockRateHz;
    this.histogram = new int[settings.maxDelayMillis() + 1];
    this.targetMillis = settings.minDelayMillis();
  }

  /**
   * Whether this packet's timestamp disagrees with its arrival time by more than jitter can explain
   * (a timestamp jump, or an outage longer than the resync threshold).
   */
  boolean isJump(long extendedTimestamp, long arrivalMillis) {
    if (baseline.isEmpty()) {
      return false;
    }
    double delay = absoluteDelay(extendedTimestamp, arrivalMillis);
    return Math.abs(delay - baseline.peekFirst().value()) > settings.resyncMillis();
  }

  /** Forgets the delay zero point; the next packet starts a new timeline. */
  void resetBaseline() {
    baseline.clear();
  }

  /** Records one packet's arrival and updates the target. */
  void update(long extendedTimestamp, long arrivalMillis, double packetMillis) {
    double delay = absoluteDelay(extendedTimestamp, arrivalMillis);
    while (!baseline.isEmpty()
        && arrivalMillis - baseline.peekFirst().arrivalMillis() > settings.baselineWindowMillis()) {
      baseline.pollFirst();
    }
    while (!baseline.isEmpty() && baseline.peekLast().value() >= delay) {
      baseline.pollLast();
    }
    baseline.addLast(new Sample(arrivalMillis, delay));
    double relative = delay - baseline.peekFirst().value();
    boolean catchingUp =
        lastArrivalMillis != Long.MIN_VALUE
            && arrivalMillis - lastArrivalMillis <= BURST_GAP_PACKETS * packetMillis
            && delay <= lastDelayMillis - packetMillis / 2;
    lastArrivalMillis = arrivalMillis;
    lastDelayMillis = delay;
    if (catchingUp) {
      // A packet of a burst: it came with the one before it, though sent a packet later. After a
      // stall (the sender's or the network's) every held-up packet would otherwise enter the
      // histogram, from the stall's length down to zero, and one stall of 10 % of a window would
      // hold the 95th percentile, and the delay, up for the whole window. The burst's first packet
      // (the stall's full length) stands for it, as NetEQ counts one long inter-arrival time.
      return;
    }

    int bucket = (int) Math.min(histogram.length - 1, Math.round(relative));
    window.addLast(new Sample(arrivalMillis, bucket));
    histogram[bucket]++;
    while (arrivalMillis - window.peekFirst().arrivalMillis() > settings.windowMillis()) {
      histogram[(int) window.pollFirst().value()]--;
    }

    double estimate = percentileMillis() + packetMillis;
    if (estimate >= targetMillis) {
      targetMillis = estimate;
    } else if (lastUpdateMillis != Long.MIN_VALUE) {
      double allowedFall =
          settings.decayMillisPerSecond() * Math.max(0, arrivalMillis - lastUpdateMillis) / 1000.0;
      targetMillis = Math.max(estimate, targetMillis - allowedFall);
    }
    targetMillis =
        Math.max(settings.minDelayMillis(), Math.min(settings.maxDelayMillis(), targetMillis));
    lastUpdateMillis = arrivalMillis;
  }

  double targetMillis() {
    return targetMillis;
  }

  private double percentileMillis() {
    long needed = (long) Math.ceil(settings.percentile() * window.size());
    long seen = 0;
    for (int bucket = 0; bucket < histogram.length; bucket++) {
      seen += histogram[bucket];
      if (seen >= needed) {
        return bucket;
      }
    }
    return histogram.length - 1;
  }

  private double absoluteDelay(long extendedTimestamp, long arrivalMillis) {
    return arrivalMillis - extendedTimestamp * 1000.0 / clockRateHz;
  }
}

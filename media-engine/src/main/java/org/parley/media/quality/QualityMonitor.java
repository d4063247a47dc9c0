package org.parley.media.quality;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.parley.media.rtp.MediaClock;
import org.parley.media.rtp.RtpStreamStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stream's RTP statistics and its jitter buffer's counters into a quality sample every
 * interval (normally a second), delivered to a listener, and a summary at the end of the call. The
 * E-model's loss is the larger of the network loss and the concealment ratio, since packets that
 * arrive too late for play-out are lost to the listener too.
 */
public final class QualityMonitor implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QualityMonitor.class);

  private final CodecImpairment codec;
  private final double packetisationMillis;
  private final Supplier<RtpStreamStatistics> rtpStatistics;
  private final PlayoutCounters jitterBuffer;
  private final MediaClock clock;
  private final Consumer<QualitySample> listener;
  private final long startNanos;

  // Guarded by this: the previous counters, for per-interval figures, and the summary's sums.
  private long previousExpected;
  private long previousLost;
  private long previousConcealed;
  private long previousPlayed;
  private int samples;
  private int samplesWithRoundTrip;
  private double sumLoss;
  private double worstLoss;
  private double sumJitter;
  private double worstJitter;
  private double sumRoundTrip;
  private double worstRoundTrip = -1;
  private double sumConcealment;
  private double worstConcealment;
  private double sumMos;
  private double worstMos = Double.NaN;
  private double sumJitterBufferDelay;
  private double worstJitterBufferDelay;
  private ScheduledFuture<?> task;

  /**
   * A monitor for one received stream.
   *
   * @param packetisationMillis the packet duration (ptime), counted once in the one-way delay
   * @param rtpStatistics the RTP session's statistics, such as {@code session::statistics}
   * @param jitterBuffer the stream's jitter buffer, or {@link PlayoutCounters#NONE}
   * @param listener gets each sample, on the scheduler's thread
   */
  public QualityMonitor(
      CodecImpairment codec,
      double packetisationMillis,
      Supplier<RtpStreamStatistics> rtpStatistics,
      PlayoutCounters jitterBuffer,
      MediaClock clock,
      Consumer<QualitySample> listener) {
    this.codec = codec;
    this.packetisationMillis = packetisationMillis;
    this.rtpStatistics = rtpStatistics;
    this.jitterBuffer = jitterBuffer;
    this.clock = clock;
    this.listener = listener;
    this.startNanos = clock.monotonicNanos();
  }

  /** Samples once a second on {@code scheduler} until {@link #close()}. */
  public void start(ScheduledExecutorService scheduler) {
    start(scheduler, Duration.ofSeconds(1));
  }

  /** Samples every {@code period} on {@code scheduler} until {@link #close()}. */
  public synchronized void start(ScheduledExecutorService scheduler, Duration period) {
    if (task != null) {
      throw new IllegalStateException("already started");
    }
    long nanos = period.toNanos();
    task =
        scheduler.scheduleAtFixedRate(this::sampleAndDeliver, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  private void sampleAndDeliver() {
    // A failure must not end the fixed-rate schedule, which would stop all later samples.
    try {
      listener.accept(sample());
    } catch (RuntimeException e) {
      LOG.warn("quality sample failed", e);
    }
  }

  /** Takes a sample of the interval since the previous one and adds it to the summary. */
  public synchronized QualitySample sample() {
    RtpStreamStatistics rtp = rtpStatistics.get();
    PlayoutCounters.Snapshot buffer = jitterBuffer.snapshot();

    long expected = rtp.packetsExpected() - previousExpected;
    long lost = rtp.cumulativeLost() - previousLost;
    double lossPercent = expected > 0 ? 100.0 * Math.max(0, lost) / expected : 0;
    previousExpected = rtp.packetsExpected();
    previousLost = rtp.cumulativeLost();

    long played = buffer.playedSamples() - previousPlayed;
    long concealed = buffer.concealedSamples() - previousConcealed;
    double concealmentRatio =
        played > 0 ? Math.min(1, (double) Math.max(0, concealed) / played) : 0;
    previousPlayed = buffer.playedSamples();
    previousConcealed = buffer.concealedSamples();

    double oneWayDelay =
        EModel.mouthToEarDelayMillis(
            rtp.roundTripMillis(), buffer.currentDelayMillis(), packetisationMillis);
    double r = EModel.rFactor(codec, oneWayDelay, Math.max(lossPercent, 100 * concealmentRatio));
    QualitySample sample =
        new QualitySample(
            (clock.monotonicNanos() - startNanos) / 1_000_000,
            lossPercent,
            rtp.jitterMillis(),
            rtp.roundTripMillis(),
            concealmentRatio,
            buffer.currentDelayMillis(),
            oneWayDelay,
            r,
            EModel.mos(r));
    accumulate(sample);
    return sample;
  }

  private void accumulate(QualitySample sample) {
    samples++;
    sumLoss += sample.lossPercent();
    worstLoss = Math.max(worstLoss, sample.lossPercent());
    sumJitter += sample.jitterMillis();
    worstJitter = Math.max(worstJitter, sample.jitterMillis());
    if (sample.roundTripMillis() >= 0) {
      samplesWithRoundTrip++;
      sumRoundTrip += sample.roundTripMillis();
      worstRoundTrip = Math.max(worstRoundTrip, sample.roundTripMillis());
    }
    sumConcealment += sample.concealmentRatio();
    worstConcealment = Math.max(worstConcealment, sample.concealmentRatio());
    sumMos += sample.mos();
    worstMos = Double.isNaN(worstMos) ? sample.mos() : Math.min(worstMos, sample.mos());
    sumJitterBufferDelay += sample.jitterBufferDelayMillis();
    worstJitterBufferDelay = Math.max(worstJitterBufferDelay, sample.jitterBufferDelayMillis());
  }

  /** The call so far: averages and worst values of the samples (NaN means when there are none). */
  public synchronized QualitySummary summary() {
    RtpStreamStatistics rtp = rtpStatistics.get();
    double overallLoss =
        rtp.packetsExpected() > 0
            ? 100.0 * Math.max(0, rtp.cumulativeLost()) / rtp.packetsExpected()
            : 0;
    return new QualitySummary(
        samples,
        overallLoss,
        sumLoss / samples,
        worstLoss,
        sumJitter / samples,
        worstJitter,
        samplesWithRoundTrip > 0 ? sumRoundTrip / samplesWithRoundTrip : -1,
        worstRoundTrip,
        sumConcealment / samples,
        worstConcealment,
        sumMos / samples,
        worstMos,
        sumJitterBufferDelay / samples,
        worstJitterBufferDelay);
  }

  /** Stops sampling; the summary stays available. */
  @Override
  public synchronized void close() {
    if (task != null) {
      task.cancel(false);
    }
  }
}

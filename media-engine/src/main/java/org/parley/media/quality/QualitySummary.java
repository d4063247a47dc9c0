package org.parley.media.quality;

/**
 * A stream's quality over a whole call: averages and worst values of its samples, for the call log.
 *
 * @param samples how many samples were taken
 * @param overallLossPercent lost / expected over the whole call
 * @param meanLossPercent the average of the samples' loss
 * @param worstLossPercent the highest sample loss
 * @param meanJitterMillis the average jitter
 * @param worstJitterMillis the highest jitter
 * @param meanRoundTripMillis the average of the samples that had a round trip, or -1
 * @param worstRoundTripMillis the highest round trip, or -1
 * @param meanConcealmentRatio the average concealment ratio
 * @param worstConcealmentRatio the highest concealment ratio
 * @param meanMos the average MOS
 * @param worstMos the lowest MOS
 * @param meanJitterBufferDelayMillis the average of the jitter buffer's delay at each sample
 * @param worstJitterBufferDelayMillis the highest jitter-buffer delay
 */
public record QualitySummary(
    int samples,
    double overallLossPercent,
    double meanLossPercent,
    double worstLossPercent,
    double meanJitterMillis,
    double worstJitterMillis,
    double meanRoundTripMillis,
    double worstRoundTripMillis,
    double meanConcealmentRatio,
    double worstConcealmentRatio,
    double meanMos,
    double worstMos,
    double meanJitterBufferDelayMillis,
    double worstJitterBufferDelayMillis) {}

package org.parley.media.quality;

/**
 * A stream's quality over one interval (normally a second), as the monitor delivers it.
 *
 * @param elapsedMillis when the interval ended, since the monitor started
 * @param lossPercent network loss in the interval: lost / expected RTP packets, in percent
 * @param jitterMillis the RFC 3550 interarrival jitter at the end of the interval
 * @param roundTripMillis the last RTCP round trip, or -1 if none yet
 * @param concealmentRatio concealed / played samples in the interval, 0..1
 * @param jitterBufferDelayMillis the jitter buffer's delay at the end of the interval
 * @param oneWayDelayMillis the estimated mouth-to-ear delay the E-model used
 * @param rFactor the E-model rating
 * @param mos the estimated mean opinion score, 1..4.5
 */
public record QualitySample(
    long elapsedMillis,
    double lossPercent,
    double jitterMillis,
    double roundTripMillis,
    double concealmentRatio,
    double jitterBufferDelayMillis,
    double oneWayDelayMillis,
    double rFactor,
    double mos) {}

package org.parley.media.dtmf;

/**
 * A DTMF digit the far end sent as RFC 4733 telephone events.
 *
 * @param digit {@code 0-9}, {@code *}, {@code #} or {@code A-D}
 * @param timestamp the RTP timestamp of the event (its start)
 * @param durationTicks the longest duration seen, in RTP clock ticks
 * @param volume the power level in -dBm0
 * @param ended whether an end packet was seen (false: a later event showed this one was over)
 */
public record ReceivedDigit(
    char digit, long timestamp, int durationTicks, int volume, boolean ended) {}

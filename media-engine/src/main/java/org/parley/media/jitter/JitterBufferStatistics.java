package org.parley.media.jitter;

/**
 * Counters of a jitter buffer since it was created, plus its current and target delay.
 *
 * @param packetsReceived packets given to {@code insert}, duplicates and late ones included
 * @param packetsLate packets that arrived after their playout time and were dropped
 * @param packetsDuplicate packets dropped because the same one was already buffered or played
 * @param packetsLost sequence numbers skipped at playout (never received, or received late)
 * @param concealedSamples samples made up by the decoder's loss concealment
 * @param recoveredSamples samples recovered from the next packet's forward error correction
 * @param playedSamples samples handed out by {@code pull}, silence while buffering included
 * @param compressedSamples samples removed by time compression to lower the delay
 * @param stretchedSamples samples inserted by time stretching to raise the delay
 * @param resynchronisations restarts after an SSRC change or a timestamp jump
 * @param currentDelayMillis audio buffered ahead of the playout point at the last pull
 * @param targetDelayMillis the delay the buffer steers towards, from measured jitter
 */
public record JitterBufferStatistics(
    long packetsReceived,
    long packetsLate,
    long packetsDuplicate,
    long packetsLost,
    long concealedSamples,
    long recoveredSamples,
    long playedSamples,
    long compressedSamples,
    long stretchedSamples,
    long resynchronisations,
    double currentDelayMillis,
    double targetDelayMillis) {

  /** Concealed samples as a fraction of played samples, 0 before anything was played. */
  public double concealmentRatio() {
    return playedSamples == 0 ? 0 : (double) concealedSamples / playedSamples;
  }
}

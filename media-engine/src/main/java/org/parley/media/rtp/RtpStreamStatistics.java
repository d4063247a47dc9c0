package org.parley.media.rtp;

/**
 * A snapshot of one RTP session's statistics, for the quality monitor and the call log.
 *
 * @param packetsReceived RTP packets counted by RFC 3550 A.1 (duplicates included)
 * @param packetsExpected packets expected from the remote source's sequence numbers (A.3)
 * @param cumulativeLost expected minus received (A.3)
 * @param jitterMillis the remote source's interarrival jitter (A.8), in milliseconds
 * @param roundTripMillis the last RTT measured from a report block (§6.4.1), or -1 if none yet
 * @param packetsSent RTP packets sent
 * @param octetsSent payload octets sent
 * @param remoteFractionLost what the peer last reported about our stream, 0..255, or -1
 * @param remoteCumulativeLost the peer's last cumulative loss figure about our stream
 * @param malformedPackets datagrams dropped as not well-formed RTP or RTCP, or failing to unprotect
 * @param ignoredPackets well-formed datagrams dropped for coming from an unexpected address
 */
public record RtpStreamStatistics(
    long packetsReceived,
    long packetsExpected,
    long cumulativeLost,
    double jitterMillis,
    double roundTripMillis,
    long packetsSent,
    long octetsSent,
    int remoteFractionLost,
    long remoteCumulativeLost,
    long malformedPackets,
    long ignoredPackets) {

  /** Whether a round trip time has been measured. */
  public boolean hasRoundTrip() {
    return roundTripMillis >= 0;
  }
}

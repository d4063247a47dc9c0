package org.parley.server.echo;

/**
 * Counters of one echo session, RTP and RTCP together.
 *
 * @param packetsReceived every datagram read, including ignored ones
 * @param bytesReceived the UDP payload bytes of those datagrams
 * @param packetsReflected datagrams sent back to the peer
 * @param bytesReflected the UDP payload bytes of those datagrams
 * @param packetsIgnored datagrams from a source other than the latched peer, and empty ones
 */
public record EchoStatistics(
    long packetsReceived,
    long bytesReceived,
    long packetsReflected,
    long bytesReflected,
    long packetsIgnored) {}

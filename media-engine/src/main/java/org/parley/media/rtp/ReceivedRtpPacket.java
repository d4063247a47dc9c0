package org.parley.media.rtp;

import java.net.InetSocketAddress;

/**
 * An RTP packet as a session hands it on: the packet, when it arrived and from where.
 *
 * @param packet the decoded packet
 * @param arrivalNanos the arrival time on the session's {@link MediaClock#monotonicNanos()}
 * @param source the address it came from
 */
public record ReceivedRtpPacket(RtpPacket packet, long arrivalNanos, InetSocketAddress source) {}
